<?xml version="1.0" encoding="UTF-8"?>
<!--
  bitext: line wrapping of plain text by display width (used by text.xsl).

  Display width: a character of East Asian Width W (wide) or F (fullwidth) takes two columns
  (CJK ideographs, kana, Hangul, CJK punctuation U+3000–303E, fullwidth forms U+FF01–FF60 and
  U+FFE0–FFE6, ...); combining marks and format characters none; every other character one.
  Ambiguous characters (“ ” — … ·) count as one, as in a Western terminal.

  Where a line may break:
    - at a single space between two characters that are not wide (English words); the space
      is replaced by the line break (a run of several spaces or a tab, kept verbatim on the
      Chinese side, is left as it is);
    - between two characters of which at least one is wide (Chinese), with nothing removed and,
      above all, nothing inserted;
    - never before closing punctuation (，。、；：！？」』）》 ” ％ …) nor after opening punctuation
      (（《「『 “), so that these stay with their neighbour (kinsoku, simple version), and never at
      spaces next to a wide character (they stay inside the line, as they were).
  Lines are filled greedily. A piece that cannot be broken and is wider than the line (a long
  English word, a URL) stays whole on a line of its own; a piece holding Chinese that is wider
  than the line (only with very narrow widths) is cut next to its Chinese characters, kinsoku
  or not.

  Undoing it: join two lines with one space where the character before the break and the one after
  it are both not wide, with nothing otherwise; the text comes back exactly as it was.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:bt="urn:bitext:functions"
    expand-text="yes"
    exclude-result-prefixes="#all">

  <!-- the characters of East Asian Width W and F (Unicode 15 EastAsianWidth.txt, main ranges) -->
  <xsl:variable name="bt:wide-ranges" as="xs:string" select="
      '&#x1100;-&#x115F;&#x231A;&#x231B;&#x2329;&#x232A;&#x23E9;-&#x23EC;&#x23F0;&#x23F3;&#x25FD;&#x25FE;&#x2614;&#x2615;'
    || '&#x2648;-&#x2653;&#x267F;&#x2693;&#x26A1;&#x26AA;&#x26AB;&#x26BD;&#x26BE;&#x26C4;&#x26C5;&#x26CE;&#x26D4;&#x26EA;'
    || '&#x26F2;&#x26F3;&#x26F5;&#x26FA;&#x26FD;&#x2705;&#x270A;&#x270B;&#x2728;&#x274C;&#x274E;&#x2753;-&#x2755;&#x2757;'
    || '&#x2795;-&#x2797;&#x27B0;&#x27BF;&#x2B1B;&#x2B1C;&#x2B50;&#x2B55;'
    || '&#x2E80;-&#x303E;&#x3041;-&#x3247;&#x3250;-&#x4DBF;&#x4E00;-&#xA4CF;&#xA960;-&#xA97F;&#xAC00;-&#xD7A3;'
    || '&#xF900;-&#xFAFF;&#xFE10;-&#xFE19;&#xFE30;-&#xFE6F;&#xFF01;-&#xFF60;&#xFFE0;-&#xFFE6;'
    || '&#x16FE0;-&#x16FE4;&#x17000;-&#x18CFF;&#x1AFF0;-&#x1B2FF;&#x1F004;&#x1F0CF;&#x1F18E;&#x1F191;-&#x1F19A;'
    || '&#x1F200;-&#x1F251;&#x1F260;-&#x1F265;&#x1F300;-&#x1F320;&#x1F32D;-&#x1F335;&#x1F337;-&#x1F37C;&#x1F37E;-&#x1F393;'
    || '&#x1F3A0;-&#x1F3CA;&#x1F3CF;-&#x1F3D3;&#x1F3E0;-&#x1F3F0;&#x1F3F4;&#x1F3F8;-&#x1F43E;&#x1F440;&#x1F442;-&#x1F4FC;'
    || '&#x1F4FF;-&#x1F53D;&#x1F54B;-&#x1F54E;&#x1F550;-&#x1F567;&#x1F57A;&#x1F595;&#x1F596;&#x1F5A4;&#x1F5FB;-&#x1F64F;'
    || '&#x1F680;-&#x1F6C5;&#x1F6CC;&#x1F6D0;-&#x1F6D2;&#x1F6D5;-&#x1F6D7;&#x1F6DC;-&#x1F6DF;&#x1F6EB;&#x1F6EC;&#x1F6F4;-&#x1F6FC;'
    || '&#x1F7E0;-&#x1F7EB;&#x1F7F0;&#x1F90C;-&#x1F93A;&#x1F93C;-&#x1F945;&#x1F947;-&#x1F9FF;&#x1FA70;-&#x1FAFF;'
    || '&#x20000;-&#x2FFFD;&#x30000;-&#x3FFFD;'"/>

  <xsl:variable name="bt:wide" as="xs:string" select="'[' || $bt:wide-ranges || ']'"/>
  <xsl:variable name="bt:not-wide" as="xs:string" select="'[^' || $bt:wide-ranges || ']'"/>
  <!-- characters of no width: combining marks, format characters (zero-width joiners, soft hyphen, ...) -->
  <xsl:variable name="bt:zero-width" as="xs:string" select="'[\p{Mn}\p{Me}\p{Cf}]'"/>

  <!-- no line starts with these (closing and trailing punctuation, iteration marks, small kana) -->
  <xsl:variable name="bt:no-start" as="xs:string"
      select="'[!%),.:;?\]}&#xA2;&#xB0;&#x2019;&#x201D;&#x2030;&#x2032;&#x2033;&#x2026;&#x2025;&#x2103;&#x3000;&#x3001;&#x3002;&#x3003;&#x3005;&#x3009;&#x300B;&#x300D;&#x300F;&#x3011;&#x3015;&#x3017;&#x3019;&#x301B;&#x301E;&#x301F;&#x303B;&#x309B;&#x309C;&#x309D;&#x309E;&#x30FB;&#x30FC;&#x30FD;&#x30FE;&#x3041;&#x3043;&#x3045;&#x3047;&#x3049;&#x3063;&#x3083;&#x3085;&#x3087;&#x308E;&#x30A1;&#x30A3;&#x30A5;&#x30A7;&#x30A9;&#x30C3;&#x30E3;&#x30E5;&#x30E7;&#x30EE;&#x30F5;&#x30F6;&#xFF01;&#xFF05;&#xFF09;&#xFF0C;&#xFF0E;&#xFF1A;&#xFF1B;&#xFF1F;&#xFF3D;&#xFF5D;&#xFF60;&#xFF61;&#xFF63;&#xFF64;&#xFF65;&#xFF70;&#xFE50;-&#xFE57;&#xFE5A;&#xFE5C;&#xFE5E;]'"/>

  <!-- no line ends with these (opening punctuation) -->
  <xsl:variable name="bt:no-end" as="xs:string"
      select="'[(\[{&#xA3;&#xA5;&#x2018;&#x201C;&#x3008;&#x300A;&#x300C;&#x300E;&#x3010;&#x3014;&#x3016;&#x3018;&#x301A;&#x301D;&#xFF08;&#xFF3B;&#xFF5B;&#xFF5F;&#xFF62;&#xFFE1;&#xFFE5;&#xFE59;&#xFE5B;&#xFE5D;]'"/>

  <!-- the display width of a string (columns) -->
  <xsl:function name="bt:cols" as="xs:integer">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="string-length($s) + string-length(replace($s, $bt:not-wide, ''))
                          - string-length(replace($s, '[^\p{Mn}\p{Me}\p{Cf}]', ''))"/>
  </xsl:function>

  <!-- true when a character is wide (two columns) -->
  <xsl:function name="bt:is-wide" as="xs:boolean">
    <xsl:param name="c" as="xs:string"/>
    <xsl:sequence select="matches($c, $bt:wide)"/>
  </xsl:function>

  <!-- every line of $text wrapped to $width columns; $width 0 (or less): the text unchanged -->
  <xsl:function name="bt:wrap" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:sequence select="if ($width le 0) then $text
                          else string-join(tokenize($text, '&#10;') ! bt:wrap-line(., $width), '&#10;')"/>
  </xsl:function>

  <!-- one line (no line break inside) wrapped to $width columns -->
  <xsl:function name="bt:wrap-line" as="xs:string">
    <xsl:param name="line" as="xs:string"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:choose>
      <xsl:when test="bt:cols($line) le $width">
        <xsl:sequence select="$line"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="lines" as="xs:string*">
          <xsl:iterate select="bt:boxes($line)">
            <xsl:param name="current" as="xs:string" select="''"/>
            <xsl:param name="used" as="xs:integer" select="0"/>
            <xsl:param name="first" as="xs:boolean" select="true()"/>
            <xsl:on-completion>
              <xsl:sequence select="$current"/>
            </xsl:on-completion>
            <xsl:variable name="box" select="string(.)"/>
            <xsl:variable name="glue" select="string(@glue)"/>
            <xsl:variable name="w" select="xs:integer(@w)"/>
            <xsl:choose>
              <!-- the first box of the line keeps what precedes it (leading spaces of the line) -->
              <xsl:when test="$first or $used + string-length($glue) + $w le $width">
                <xsl:variable name="text" select="$current || $glue || $box"/>
                <xsl:choose>
                  <xsl:when test="$used + string-length($glue) + $w gt $width and @wide = 'true'">
                    <xsl:variable name="pieces" select="bt:cut($text, $width)"/>
                    <xsl:sequence select="$pieces[position() lt last()]"/>
                    <xsl:next-iteration>
                      <xsl:with-param name="current" select="$pieces[last()]"/>
                      <xsl:with-param name="used" select="bt:cols($pieces[last()])"/>
                      <xsl:with-param name="first" select="false()"/>
                    </xsl:next-iteration>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:next-iteration>
                      <xsl:with-param name="current" select="$text"/>
                      <xsl:with-param name="used" select="$used + string-length($glue) + $w"/>
                      <xsl:with-param name="first" select="false()"/>
                    </xsl:next-iteration>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:when>
              <!-- the box does not fit: a new line starts with it, the glue is dropped -->
              <xsl:otherwise>
                <xsl:sequence select="$current"/>
                <xsl:choose>
                  <xsl:when test="$w gt $width and @wide = 'true'">
                    <xsl:variable name="pieces" select="bt:cut($box, $width)"/>
                    <xsl:sequence select="$pieces[position() lt last()]"/>
                    <xsl:next-iteration>
                      <xsl:with-param name="current" select="$pieces[last()]"/>
                      <xsl:with-param name="used" select="bt:cols($pieces[last()])"/>
                    </xsl:next-iteration>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:next-iteration>
                      <xsl:with-param name="current" select="$box"/>
                      <xsl:with-param name="used" select="$w"/>
                    </xsl:next-iteration>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:iterate>
        </xsl:variable>
        <xsl:sequence select="string-join($lines, '&#10;')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!--
    A line as boxes: the pieces between two break opportunities, each
      <box glue="SPACES" w="COLUMNS" wide="true|false">TEXT</box>
    where glue is what stands before the box and a break there replaces: one space between English
    words, '' between Chinese characters (or the spaces opening the line, for the first box); wide
    says whether the box holds a wide character.
    Atoms: a run of spaces/tabs, one wide character, or a run of other characters.
  -->
  <xsl:function name="bt:boxes" as="element(box)*">
    <xsl:param name="line" as="xs:string"/>
    <xsl:variable name="atoms" as="xs:string*"
        select="analyze-string($line, '[ \t]+|' || $bt:wide || '|[^ \t' || $bt:wide-ranges || ']+')/*:match/string()"/>
    <xsl:variable name="n" select="count($atoms)"/>
    <!-- for each atom: does a box start at it, and with which glue? -->
    <xsl:variable name="marks" as="element(box)*">
      <xsl:iterate select="1 to $n">
        <xsl:param name="open" as="xs:string" select="''"/>   <!-- text of the box being built -->
        <xsl:param name="glue" as="xs:string" select="''"/>   <!-- glue before it -->
        <xsl:param name="pending" as="xs:string" select="''"/><!-- a space run waiting to be placed -->
        <xsl:on-completion>
          <xsl:if test="$open != '' or $pending != '' or $glue != ''">
            <box glue="{$glue}">{$open || $pending}</box>
          </xsl:if>
        </xsl:on-completion>
        <xsl:variable name="i" select="."/>
        <xsl:variable name="a" select="$atoms[$i]"/>
        <xsl:choose>
          <xsl:when test="matches($a, '^[ \t]')">
            <xsl:choose>
              <xsl:when test="$open = ''">
                <!-- spaces opening the line -->
                <xsl:next-iteration>
                  <xsl:with-param name="glue" select="$glue || $a"/>
                </xsl:next-iteration>
              </xsl:when>
              <xsl:otherwise>
                <xsl:next-iteration>
                  <xsl:with-param name="pending" select="$a"/>
                </xsl:next-iteration>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:when>
          <xsl:when test="$open = ''">
            <xsl:next-iteration>
              <xsl:with-param name="open" select="$a"/>
            </xsl:next-iteration>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="prev" select="substring($open, string-length($open))"/>
            <xsl:variable name="next" select="substring($a, 1, 1)"/>
            <xsl:variable name="kinsoku" select="matches($next, $bt:no-start) or matches($prev, $bt:no-end)"/>
            <xsl:variable name="break" select="
                if ($pending != '') then $pending = ' ' and not(bt:is-wide($prev) or bt:is-wide($next)) and not($kinsoku)
                else (bt:is-wide($prev) or bt:is-wide($next)) and not($kinsoku)"/>
            <xsl:choose>
              <xsl:when test="$break">
                <box glue="{$glue}">{$open}</box>
                <xsl:next-iteration>
                  <xsl:with-param name="open" select="$a"/>
                  <xsl:with-param name="glue" select="$pending"/>
                  <xsl:with-param name="pending" select="''"/>
                </xsl:next-iteration>
              </xsl:when>
              <xsl:otherwise>
                <xsl:next-iteration>
                  <xsl:with-param name="open" select="$open || $pending || $a"/>
                  <xsl:with-param name="pending" select="''"/>
                </xsl:next-iteration>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:iterate>
    </xsl:variable>
    <xsl:for-each select="$marks">
      <box glue="{@glue}" w="{bt:cols(string(.))}" wide="{matches(string(.), $bt:wide)}">{string(.)}</box>
    </xsl:for-each>
  </xsl:function>

  <!-- a box holding wide characters cut into lines of at most $width columns, next to its wide characters
       only: a run of other characters (an English word, with the spaces before it) is not cut; a piece
       wider than the line stands alone -->
  <xsl:function name="bt:cut" as="xs:string*">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:iterate select="analyze-string($s, $bt:wide || '|' || $bt:not-wide || '+')/*:match/string()">
      <xsl:param name="current" as="xs:string" select="''"/>
      <xsl:param name="used" as="xs:integer" select="0"/>
      <xsl:on-completion>
        <xsl:sequence select="$current"/>
      </xsl:on-completion>
      <xsl:variable name="w" select="bt:cols(.)"/>
      <xsl:choose>
        <xsl:when test="$current = '' or $used + $w le $width">
          <xsl:next-iteration>
            <xsl:with-param name="current" select="$current || ."/>
            <xsl:with-param name="used" select="$used + $w"/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="$current"/>
          <xsl:next-iteration>
            <xsl:with-param name="current" select="string(.)"/>
            <xsl:with-param name="used" select="$w"/>
          </xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

</xsl:stylesheet>
