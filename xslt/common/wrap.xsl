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
    xmlns:btj="urn:bitext:java"
    expand-text="yes"
    exclude-result-prefixes="#all">

  <!-- Saxon's regular expressions are slow on long strings, so characters are classified by code point,
       as numbers; a regular expression is only applied to a single uncommon character. -->

  <!-- the characters of East Asian Width W and F (Unicode 16 EastAsianWidth.txt); static, so
       that the regular expressions made from it are literals, compiled once with the stylesheet -->
  <xsl:variable name="bt:wide-ranges" static="yes" as="xs:string" select="
      '&#x1100;-&#x115F;&#x231A;&#x231B;&#x2329;&#x232A;&#x23E9;-&#x23EC;&#x23F0;&#x23F3;&#x25FD;&#x25FE;&#x2614;&#x2615;&#x2630;-&#x2637;&#x268A;-&#x268F;'
    || '&#x2648;-&#x2653;&#x267F;&#x2693;&#x26A1;&#x26AA;&#x26AB;&#x26BD;&#x26BE;&#x26C4;&#x26C5;&#x26CE;&#x26D4;&#x26EA;'
    || '&#x26F2;&#x26F3;&#x26F5;&#x26FA;&#x26FD;&#x2705;&#x270A;&#x270B;&#x2728;&#x274C;&#x274E;&#x2753;-&#x2755;&#x2757;'
    || '&#x2795;-&#x2797;&#x27B0;&#x27BF;&#x2B1B;&#x2B1C;&#x2B50;&#x2B55;'
    || '&#x2E80;-&#x303E;&#x3041;-&#x3247;&#x3250;-&#xA4CF;&#xA960;-&#xA97F;&#xAC00;-&#xD7A3;'
    || '&#xF900;-&#xFAFF;&#xFE10;-&#xFE19;&#xFE30;-&#xFE6F;&#xFF01;-&#xFF60;&#xFFE0;-&#xFFE6;'
    || '&#x16FE0;-&#x16FE4;&#x16FF0;&#x16FF1;&#x17000;-&#x18CFF;&#x18D00;-&#x18D08;&#x1AFF0;-&#x1B2FF;&#x1F004;&#x1F0CF;&#x1F18E;&#x1F191;-&#x1F19A;'
    || '&#x1F200;-&#x1F251;&#x1F260;-&#x1F265;&#x1F300;-&#x1F320;&#x1F32D;-&#x1F335;&#x1F337;-&#x1F37C;&#x1F37E;-&#x1F393;'
    || '&#x1F3A0;-&#x1F3CA;&#x1F3CF;-&#x1F3D3;&#x1F3E0;-&#x1F3F0;&#x1F3F4;&#x1F3F8;-&#x1F43E;&#x1F440;&#x1F442;-&#x1F4FC;'
    || '&#x1F4FF;-&#x1F53D;&#x1F54B;-&#x1F54E;&#x1F550;-&#x1F567;&#x1F57A;&#x1F595;&#x1F596;&#x1F5A4;&#x1F5FB;-&#x1F64F;'
    || '&#x1F680;-&#x1F6C5;&#x1F6CC;&#x1F6D0;-&#x1F6D2;&#x1F6D5;-&#x1F6D7;&#x1F6DC;-&#x1F6DF;&#x1F6EB;&#x1F6EC;&#x1F6F4;-&#x1F6FC;'
    || '&#x1F7E0;-&#x1F7EB;&#x1F7F0;&#x1F90C;-&#x1F93A;&#x1F93C;-&#x1F945;&#x1F947;-&#x1F9FF;&#x1FA70;-&#x1FAFF;'
    || '&#x1D300;-&#x1D356;&#x1D360;-&#x1D376;&#x20000;-&#x2FFFD;&#x30000;-&#x3FFFD;'"/>

  <!-- no line starts with these (closing and trailing punctuation, iteration marks, small kana) -->
  <xsl:variable name="bt:no-start" as="xs:string"
      select="'!%),.:;?]}&#xA2;&#xB0;&#x2019;&#x201D;&#x2030;&#x2032;&#x2033;&#x2026;&#x2025;&#x2103;&#x3000;&#x3001;&#x3002;&#x3003;&#x3005;&#x3009;&#x300B;&#x300D;&#x300F;&#x3011;&#x3015;&#x3017;&#x3019;&#x301B;&#x301E;&#x301F;&#x303B;&#x309B;&#x309C;&#x309D;&#x309E;&#x30FB;&#x30FC;&#x30FD;&#x30FE;&#x3041;&#x3043;&#x3045;&#x3047;&#x3049;&#x3063;&#x3083;&#x3085;&#x3087;&#x308E;&#x30A1;&#x30A3;&#x30A5;&#x30A7;&#x30A9;&#x30C3;&#x30E3;&#x30E5;&#x30E7;&#x30EE;&#x30F5;&#x30F6;&#xFF01;&#xFF05;&#xFF09;&#xFF0C;&#xFF0E;&#xFF1A;&#xFF1B;&#xFF1F;&#xFF3D;&#xFF5D;&#xFF60;&#xFF61;&#xFF63;&#xFF64;&#xFF65;&#xFF70;&#xFE50;&#xFE51;&#xFE52;&#xFE53;&#xFE54;&#xFE55;&#xFE56;&#xFE57;&#xFE5A;&#xFE5C;&#xFE5E;'"/>

  <!-- no line ends with these (opening punctuation) -->
  <xsl:variable name="bt:no-end" as="xs:string"
      select="'([{&#xA3;&#xA5;&#x2018;&#x201C;&#x3008;&#x300A;&#x300C;&#x300E;&#x3010;&#x3014;&#x3016;&#x3018;&#x301A;&#x301D;&#xFF08;&#xFF3B;&#xFF5B;&#xFF5F;&#xFF62;&#xFFE1;&#xFFE5;&#xFE59;&#xFE5B;&#xFE5D;'"/>

  <!-- true for a wide or fullwidth character: the common ranges by number, the rest by the table -->
  <xsl:function name="bt:cp-wide" as="xs:boolean">
    <xsl:param name="cp" as="xs:integer"/>
    <xsl:sequence _select="$cp ge 4352 and (
        ($cp ge 19968 and $cp le 42191) or ($cp ge 12288 and $cp le 12350) or ($cp ge 65281 and $cp le 65376)
        or ($cp ge 12353 and $cp le 12871) or ($cp ge 12880 and $cp le 42191) or ($cp ge 44032 and $cp le 55203)
        or ($cp le 4447)
        or ($cp ge 8986 and not($cp ge 12288 and $cp le 42191) and not($cp ge 44032 and $cp le 55203)
            and matches(codepoints-to-string($cp), '[{$bt:wide-ranges}]')))"/>
  </xsl:function>

  <!-- true for a character of no width: a combining mark or format character (soft hyphen, zero-width
       space and joiners, byte-order mark, ...), as far as the regular expressions' Unicode tables know -->
  <xsl:function name="bt:cp-zero" as="xs:boolean">
    <xsl:param name="cp" as="xs:integer"/>
    <xsl:sequence select="if ($cp lt 768) then $cp = 173
                          else if ($cp ge 8208 and $cp le 8231 or $cp ge 8240 and $cp le 8287) then false()
                          else matches(codepoints-to-string($cp), '[\p{Mn}\p{Me}\p{Cf}]')"/>
  </xsl:function>

  <!-- the columns of one character -->
  <xsl:function name="bt:cp-cols" as="xs:integer">
    <xsl:param name="cp" as="xs:integer"/>
    <!-- the ideographic tone marks and the combining kana voiced marks are wide but combine: none -->
    <xsl:sequence select="if ($cp lt 173) then 1
                          else if ($cp ge 12330 and $cp le 12333 or $cp = (12441, 12442)) then 0
                          else if (bt:cp-wide($cp)) then 2 else if (bt:cp-zero($cp)) then 0 else 1"/>
  </xsl:function>

  <!-- the display width of a string (columns) -->
  <xsl:function name="bt:cols" as="xs:integer">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="sum(string-to-codepoints($s) ! bt:cp-cols(.))"/>
  </xsl:function>

  <!-- every line of $text wrapped to $width columns; $width 0 (or less): the text unchanged. Run by bitext, the
       same rules in Java (org.bitext.render.Wrap, registered with its Saxon processor as btj:wrap) do it: this
       stylesheet's version, character by character, was the slowest stage of a run; elsewhere, bt:wrap-xslt -->
  <xsl:function name="bt:wrap" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:sequence use-when="function-available('btj:wrap', 2)" select="btj:wrap($text, $width)"/>
    <xsl:sequence use-when="not(function-available('btj:wrap', 2))" select="bt:wrap-xslt($text, $width)"/>
  </xsl:function>

  <!-- bt:wrap in XSLT alone -->
  <xsl:function name="bt:wrap-xslt" as="xs:string" visibility="public">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:sequence select="if ($width le 0) then $text
                          else string-join(tokenize($text, '&#10;') ! bt:wrap-line(., $width), '&#10;')"/>
  </xsl:function>

  <!-- one line (no line break inside) wrapped to $width columns -->
  <xsl:function name="bt:wrap-line" as="xs:string">
    <xsl:param name="line" as="xs:string"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:variable name="cps" select="string-to-codepoints($line)"/>
    <xsl:variable name="words" select="tokenize($line, ' ')"/>
    <xsl:choose>
      <xsl:when test="count($cps) le $width and sum($cps ! bt:cp-cols(.)) le $width">
        <xsl:sequence select="$line"/>
      </xsl:when>
      <!-- the common case of an English line (every character one column, single spaces and no tab, no
           punctuation that a space must not be broken before or after): the same greedy filling, word by
           word -->
      <xsl:when test="empty($cps[. ge 173][bt:cp-cols(.) != 1]) and not($words = '') and not(contains($line, '&#9;'))
                      and (every $w in $words[position() gt 1] satisfies not(contains($bt:no-start, substring($w, 1, 1))))
                      and (every $w in $words[position() lt last()]
                           satisfies not(contains($bt:no-end, substring($w, string-length($w)))))">
        <xsl:variable name="lines" as="xs:string*">
          <xsl:iterate select="$words">
            <xsl:param name="current" as="xs:string" select="''"/>
            <xsl:on-completion>
              <xsl:sequence select="$current"/>
            </xsl:on-completion>
            <xsl:choose>
              <xsl:when test="$current = ''">
                <xsl:next-iteration>
                  <xsl:with-param name="current" select="."/>
                </xsl:next-iteration>
              </xsl:when>
              <xsl:when test="string-length($current) + 1 + string-length(.) le $width">
                <xsl:next-iteration>
                  <xsl:with-param name="current" select="$current || ' ' || ."/>
                </xsl:next-iteration>
              </xsl:when>
              <xsl:otherwise>
                <xsl:sequence select="$current"/>
                <xsl:next-iteration>
                  <xsl:with-param name="current" select="."/>
                </xsl:next-iteration>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:iterate>
        </xsl:variable>
        <xsl:sequence select="string-join($lines, '&#10;')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="string-join(bt:fill($cps, $width), '&#10;')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- the code points of a line filled greedily into lines of at most $width columns (see the header) -->
  <xsl:function name="bt:fill" as="xs:string*">
    <xsl:param name="cps" as="xs:integer*"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:variable name="n" select="count($cps)"/>
    <!-- how many characters fit: k, at least one -->
    <xsl:variable name="k" as="xs:integer">
      <xsl:iterate select="$cps">
        <xsl:param name="used" as="xs:integer" select="0"/>
        <xsl:on-completion>
          <xsl:sequence select="$n"/>
        </xsl:on-completion>
        <xsl:variable name="w" select="bt:cp-cols(.)"/>
        <xsl:choose>
          <xsl:when test="$used + $w gt $width">
            <xsl:break select="max((position() - 1, 1))"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:next-iteration>
              <xsl:with-param name="used" select="$used + $w"/>
            </xsl:next-iteration>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:iterate>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$k ge $n">
        <xsl:sequence select="codepoints-to-string($cps)"/>
      </xsl:when>
      <xsl:otherwise>
        <!-- the last break that fits: before character p, p from k + 1 down to 2 -->
        <xsl:variable name="p" select="(for $i in reverse(2 to $k + 1) return $i[bt:may-break($cps, $i)])[1]"/>
        <!-- else a cut next to a wide character, kinsoku or not (nothing dropped there) -->
        <xsl:variable name="cut" select="if (exists($p)) then ()
            else (for $i in reverse(2 to $k + 1) return $i[bt:cp-wide($cps[$i - 1]) or bt:cp-wide($cps[$i])])[1]"/>
        <!-- else the first break after: the piece is wider than the line (a long word) -->
        <xsl:variable name="after" select="if (exists($p) or exists($cut)) then ()
            else (for $i in $k + 2 to $n return $i[bt:may-break($cps, $i)])[1]"/>
        <xsl:variable name="q" select="($p, $cut, $after)[1]"/>
        <xsl:choose>
          <xsl:when test="empty($q)">
            <xsl:sequence select="codepoints-to-string($cps)"/>
          </xsl:when>
          <xsl:otherwise>
            <!-- a break at a space drops that space; a cut drops nothing -->
            <xsl:variable name="end" select="if (empty($cut) and $cps[$q - 1] = 32) then $q - 2 else $q - 1"/>
            <xsl:sequence select="codepoints-to-string(subsequence($cps, 1, $end))"/>
            <xsl:sequence select="bt:fill(subsequence($cps, $q), $width)"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- true when a line may break before its character $i (2 or more): after one space between two characters
       that are not wide, or between two characters of which one is wide; never before a space or tab, before
       closing punctuation or after opening punctuation -->
  <xsl:function name="bt:may-break" as="xs:boolean">
    <xsl:param name="cps" as="xs:integer*"/>
    <xsl:param name="i" as="xs:integer"/>
    <xsl:variable name="c" select="$cps[$i]"/>
    <xsl:variable name="b" select="$cps[$i - 1]"/>
    <xsl:sequence select="
        if ($c = (32, 9) or $b = 9) then false()
        else if ($b = 32) then $i ge 3 and not($cps[$i - 2] = (32, 9))
             and not(bt:cp-wide($cps[$i - 2]) or bt:cp-wide($c))
             and not(contains($bt:no-start, codepoints-to-string($c)) or contains($bt:no-end, codepoints-to-string($cps[$i - 2])))
        else (bt:cp-wide($b) or bt:cp-wide($c))
             and not(contains($bt:no-start, codepoints-to-string($c)) or contains($bt:no-end, codepoints-to-string($b)))"/>
  </xsl:function>

</xsl:stylesheet>
