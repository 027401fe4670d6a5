<?xml version="1.0" encoding="UTF-8"?>
<!--
  bitext: plain-text rendering. Entry point: the document node (default mode).

  Parameter $lang:
    ''        bilingual. A document with sentence-level alignment (a linkGrp of subtype
              'sentence', and s elements in the units) is written sentence pair by sentence
              pair: for each sentence link, a block of its Chinese sentence(s), then its English
              sentence(s) (sentences of one paragraph run on as in the paragraph, those of
              different paragraphs start a new line); an unaligned sentence is a block of its own.
              Blocks of one paragraph-level link are separated by ONE blank line; paragraph-level
              links (and the header and glossary) by TWO blank lines.
              A document with paragraph-level alignment only is written row by row from its
              links (Chinese units, then English units), rows separated by one blank line.
    'zh','en' that side only, units in document order, separated by one blank line.
  Parameter $width: every line is wrapped to this many columns, East Asian wide and fullwidth
  characters counting two (common/wrap.xsl says how and where lines break; removing the breaks
  gives the text back); 0 = no wrapping.

  A TEI document without a translation linkGrp is written generically: one block per
  paragraph-like element. Chinese text never gets a space added, by wrapping or otherwise.

  A teiCorpus is written as its header block, then each member in document order, each after a
  rule line holding its number ("==== 2 ====", a rule of hyphens in a nested corpus) and written as
  it would be alone, a generic member's header with its date; a nested corpus as its header, then
  its members.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:bt="urn:bitext:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    expand-text="yes"
    exclude-result-prefixes="#all">

  <xsl:import href="common/common.xsl"/>
  <xsl:import href="common/wrap.xsl"/>
  <xsl:import href="common/corpus.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="NL" as="xs:string" select="'&#10;'"/>

  <!-- the output: the text of the document, or of the corpus, and a final line break; nothing at all
       when there is no text -->
  <xsl:template match="/">
    <xsl:variable name="out" select="if (teiCorpus) then bt:corpus-text(teiCorpus) else bt:document-text(., false())"/>
    <xsl:if test="$out != ''">
      <xsl:value-of select="$out || $NL"/>
    </xsl:if>
  </xsl:template>

  <!-- the wrapped text of a TEI document (the document node holding it), '' when it has none: blocks
       (each a string, possibly of several lines) separated by one blank line; a block holding several
       blank-line separated parts (a paragraph of sentence pairs) is separated from its neighbours by
       two. $member: a member of a corpus, whose generic header gives its date too -->
  <xsl:function name="bt:document-text" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:param name="member" as="xs:boolean"/>
    <xsl:variable name="blocks" as="xs:string*">
      <xsl:choose>
        <xsl:when test="bt:is-bitext($doc)">
          <xsl:apply-templates select="$doc/TEI" mode="text-bitext"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="$doc/TEI" mode="text-generic">
            <xsl:with-param name="with-date" select="$member"/>
          </xsl:apply-templates>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="non-empty" select="$blocks[normalize-space(.) != '']"/>
    <xsl:variable name="separator" select="if (bt:sentence-pairs($doc)) then $NL || $NL || $NL else $NL || $NL"/>
    <xsl:sequence select="if (exists($non-empty)) then bt:wrap(string-join($non-empty, $separator), $width) else ''"/>
  </xsl:function>

  <!-- true when the bilingual text is written by sentence pairs -->
  <xsl:function name="bt:sentence-pairs" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="$lang = '' and bt:is-bitext($n) and exists(bt:sentence-group($n))"/>
  </xsl:function>

  <!-- ================================================================
       bitext documents
       ================================================================ -->

  <xsl:template match="TEI" mode="text-bitext" as="xs:string*">
    <xsl:variable name="side" select="lower-case($lang)"/>
    <xsl:sequence select="bt:text-header(., $side)"/>
    <xsl:choose>
      <xsl:when test="$side = ('zh', 'en')">
        <xsl:sequence select="bt:units(., $side) ! bt:unit-text(.)"/>
      </xsl:when>
      <xsl:when test="bt:sentence-pairs(.)">
        <!-- one string per paragraph-level link: its sentence pairs, separated by one blank line -->
        <xsl:for-each select="bt:rows(.)">
          <xsl:choose>
            <xsl:when test="bt:by-sentence(.)">
              <xsl:sequence select="string-join(bt:sentence-rows(.) ! bt:pair-text(.), $NL || $NL)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:sequence select="bt:row-text(.)"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:sequence select="bt:unlinked-units(.) ! bt:unit-text(.)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="bt:rows(.)">
          <xsl:sequence select="bt:row-text(.)"/>
        </xsl:for-each>
        <xsl:sequence select="bt:unlinked-units(.) ! bt:unit-text(.)"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$side != 'zh'">
      <xsl:apply-templates select="text/back/div[@type = 'glossary']/list[@type = 'glossary']" mode="text-bitext"/>
    </xsl:if>
  </xsl:template>

  <!-- a paragraph-level row: the text of its Chinese units, then of its English units, one line each -->
  <xsl:function name="bt:row-text" as="xs:string">
    <xsl:param name="row" as="element()"/>
    <xsl:variable name="units" select="bt:targets($row)"/>
    <xsl:sequence select="string-join((
        $units[bt:side(.) = 'zh'] ! bt:unit-text(.),
        $units[bt:side(.) = 'en'] ! bt:unit-text(.))[. != ''], $NL)"/>
  </xsl:function>

  <!-- a sentence-level link or ptr (or a sentence no link names): its Chinese sentences, then its English
       ones; the sentences of one unit on one line (a list item's first sentence after the item's marker) -->
  <xsl:function name="bt:pair-text" as="xs:string">
    <xsl:param name="row" as="element()"/>
    <xsl:variable name="sentences" select="(if ($row/self::s) then $row else bt:targets($row))/."/>
    <xsl:variable name="lines" as="xs:string*">
      <xsl:for-each select="'zh', 'en'">
        <xsl:variable name="side" select="."/>
        <xsl:for-each-group select="$sentences[bt:side(.) = $side]" group-adjacent="generate-id(..)">
          <xsl:sequence select="bt:sentences-text(current-group())"/>
        </xsl:for-each-group>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="string-join($lines[. != ''], $NL)"/>
  </xsl:function>

  <!-- adjacent sentences of one unit as text: each sentence with what stands between it and the previous
       one in the unit (white space); the item marker before an item's first sentence -->
  <xsl:function name="bt:sentences-text" as="xs:string">
    <xsl:param name="sentences" as="element()+"/>
    <xsl:variable name="unit" select="$sentences[1]/.."/>
    <xsl:variable name="collapse" select="bt:side($unit) = 'en'"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:if test="$unit/self::item and exists(bt:item-label($unit)) and $sentences[1] is $unit/s[1]">
        <xsl:sequence select="bt:item-marker($unit)"/>
      </xsl:if>
      <xsl:for-each select="$sentences">
        <xsl:variable name="i" select="position()"/>
        <xsl:variable name="s" select="."/>
        <xsl:variable name="prev" select="$s/preceding-sibling::s[1]"/>
        <xsl:choose>
          <xsl:when test="$i = 1"/>
          <xsl:when test="$prev is $sentences[$i - 1]">
            <xsl:apply-templates select="$s/preceding-sibling::node()[not(self::s)][. >> $prev]" mode="bt:plain"/>
          </xsl:when>
          <!-- a sentence of the unit between them is shown elsewhere: a space between English sentences -->
          <xsl:when test="$collapse">
            <xsl:sequence select="' '"/>
          </xsl:when>
        </xsl:choose>
        <xsl:apply-templates select="$s" mode="bt:plain"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="bt:normalize-ws(string-join($parts), $collapse)"/>
  </xsl:function>

  <!-- the glossary: its head, then one line per item (term, the source's separator, gloss) -->
  <xsl:template match="list" mode="text-bitext" as="xs:string">
    <xsl:sequence select="string-join((head ! bt:plain(., true()),
                                       item ! bt:plain(., false()))[. != ''], $NL)"/>
  </xsl:template>

  <!-- header block: titles, authors, newspaper, date, page of the side(s) asked for -->
  <xsl:function name="bt:text-header" as="xs:string">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:param name="side" as="xs:string"/>
    <xsl:variable name="langs" select="if ($side = ('zh', 'en')) then $side else ('zh', 'en')"/>
    <xsl:variable name="authors" select="$tei/teiHeader/fileDesc/titleStmt/author"/>
    <xsl:variable name="lines" as="xs:string*">
      <xsl:for-each select="$langs">
        <xsl:variable name="l" select="."/>
        <xsl:sequence select="(bt:title($tei, $l, 'main'), bt:title($tei, $l, 'sub'))[. != '']
                              ! bt:normalize-ws(., $l = 'en')"/>
      </xsl:for-each>
      <xsl:sequence select="string-join(
          for $a in $authors return string-join(
              for $l in $langs return bt:normalize(($a/persName[lang($l)], $a[not(persName)][lang($l)])[1], $l = 'en')
              [. != ''], ' / '), ', ')"/>
      <xsl:sequence select="string-join((
          for $l in $langs return bt:journal($tei, $l),
          bt:date($tei),
          for $l in $langs return bt:normalize(bt:page($tei, $l), $l = 'en'))[. != ''], ' · ')"/>
    </xsl:variable>
    <xsl:sequence select="string-join($lines[. != ''], $NL)"/>
  </xsl:function>

  <!-- the plain text of one unit; inline white space kept verbatim on the Chinese side.
       An item of a bulleted list is preceded by its marker as in the source ("- text",
       "▲text"); white space is normalized over marker and text together -->
  <xsl:function name="bt:unit-text" as="xs:string">
    <xsl:param name="unit" as="element()"/>
    <xsl:variable name="collapse" select="bt:side($unit) = 'en'"/>
    <xsl:choose>
      <xsl:when test="$unit/self::item and exists(bt:item-label($unit))">
        <xsl:variable name="parts" as="xs:string*">
          <xsl:apply-templates select="$unit" mode="bt:plain"/>
        </xsl:variable>
        <xsl:sequence select="bt:normalize-ws(bt:item-marker($unit) || string-join($parts), $collapse)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="bt:plain($unit, $collapse)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- ================================================================
       teiCorpus
       ================================================================ -->

  <!-- a corpus: its header block, then each member after its rule line, two blank lines before the
       rule and one after it; each member TEI is written from a copy of it as a document of its own
       (common/corpus.xsl) -->
  <xsl:function name="bt:corpus-text" as="xs:string">
    <xsl:param name="corpus" as="element(teiCorpus)"/>
    <xsl:variable name="members" as="xs:string*">
      <xsl:for-each select="bt:members($corpus)">
        <xsl:variable name="text" select="if (self::teiCorpus) then bt:corpus-text(.)
                                          else bt:document-text(bt:member-document(.), true())"/>
        <xsl:sequence select="string-join((bt:wrap(bt:member-rule(.), $width), $text[. != '']), $NL || $NL)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="string-join((bt:wrap(bt:corpus-header-text($corpus), $width), $members)[. != ''],
                                      $NL || $NL || $NL)"/>
  </xsl:function>

  <!-- the line before a member: its number between rules of '=' ('-' in a nested corpus), 40 columns
       wide in all (fewer when lines are narrower) -->
  <xsl:function name="bt:member-rule" as="xs:string">
    <xsl:param name="member" as="element()"/>
    <xsl:variable name="c" select="if (count(bt:member-path($member)) gt 1) then '-' else '='"/>
    <xsl:variable name="label" select="' ' || bt:member-number($member, '.') || ' '"/>
    <xsl:variable name="total" select="if ($width gt 0) then min(($width, 40)) else 40"/>
    <xsl:variable name="right" select="max((4, $total - 4 - string-length($label)))"/>
    <xsl:sequence select="string-join((1 to 4) ! $c) || $label || string-join((1 to $right) ! $c)"/>
  </xsl:function>

  <!-- the header of a corpus: its titles; its authors, editors and other people; publisher, place and
       date; how many texts it holds: one a line. Then its project description, a block a paragraph -->
  <xsl:function name="bt:corpus-header-text" as="xs:string">
    <xsl:param name="corpus" as="element(teiCorpus)"/>
    <xsl:variable name="header" select="$corpus/teiHeader"/>
    <xsl:variable name="ts" select="$header/fileDesc/titleStmt"/>
    <xsl:variable name="ps" select="$header/fileDesc/publicationStmt"/>
    <xsl:variable name="editors" select="$ts/editor ! bt:generic-text(.)[. != '']"/>
    <xsl:variable name="lines" as="xs:string*">
      <xsl:sequence select="$ts/title ! bt:generic-text(.)"/>
      <xsl:sequence select="$ts/author ! bt:generic-text(.)"/>
      <xsl:sequence select="if (exists($editors)) then 'Edited by ' || string-join($editors, ', ') else ''"/>
      <xsl:for-each select="$ts/respStmt">
        <xsl:variable name="resp" select="bt:generic-text(resp[1])"/>
        <xsl:sequence select="string-join((upper-case(substring($resp, 1, 1)) || substring($resp, 2),
                                           string-join((* except resp) ! bt:generic-text(.), ', '))[. != ''], ' ')"/>
      </xsl:for-each>
      <xsl:sequence select="string-join((
          $ps/(publisher | distributor | authority | pubPlace) ! bt:generic-text(.),
          $ps/date[@when or normalize-space(.) != ''][1] ! bt:date-text(.))[. != ''], ' · ')"/>
      <xsl:variable name="texts" select="count($corpus/descendant::TEI)"/>
      <xsl:sequence select="$texts || (if ($texts = 1) then ' text' else ' texts')"/>
    </xsl:variable>
    <xsl:sequence select="string-join((string-join($lines[. != ''], $NL),
                                       $header/encodingDesc/projectDesc/p ! bt:generic-text(.))[. != ''],
                                      $NL || $NL)"/>
  </xsl:function>

  <!-- a date of a header: its text, else its @when -->
  <xsl:function name="bt:date-text" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:variable name="text" select="bt:generic-text($date)"/>
    <xsl:sequence select="if ($text != '') then $text else string($date/@when)"/>
  </xsl:function>

  <!-- ================================================================
       any other TEI document
       ================================================================ -->

  <!-- the header block (titles, authors, one a line; with $with-date the date too), then the text -->
  <xsl:template match="TEI" mode="text-generic" as="xs:string*">
    <xsl:param name="with-date" as="xs:boolean" select="false()"/>
    <xsl:variable name="ts" select="teiHeader/fileDesc/titleStmt"/>
    <xsl:variable name="date" select="(bt:bibl(.)/date, teiHeader/fileDesc/publicationStmt/date)
                                      [$with-date][@when or normalize-space(.) != ''][1]"/>
    <xsl:sequence select="string-join((
        $ts/title ! bt:generic-text(.),
        $ts/author ! bt:generic-text(.),
        $date ! bt:date-text(.))[. != ''], $NL)"/>
    <xsl:apply-templates select="text" mode="text-block"/>
  </xsl:template>

  <!-- an element without blocks inside: one block; otherwise its children, where each run of
       inline content between blocks makes a block of its own -->
  <xsl:template match="*" mode="text-block" as="xs:string*">
    <xsl:choose>
      <xsl:when test="not(bt:is-blocky(.)) or (bt:is-block(.) and not(*[bt:is-blocky(.)]))">
        <xsl:sequence select="bt:generic-text(.)"/>
      </xsl:when>
      <xsl:when test="starts-with(local-name(), 'list') and not(self::list)">
        <!-- listBibl, listApp, ...: every child is a block -->
        <xsl:apply-templates select="*" mode="text-block"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each-group select="node()" group-adjacent="bt:is-blocky(.)">
          <xsl:choose>
            <xsl:when test="current-grouping-key()">
              <xsl:apply-templates select="current-group()" mode="text-block"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:sequence select="bt:generic-text(current-group())"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each-group>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- text of nodes of a foreign document: inline white space collapsed except in CJK languages -->
  <xsl:function name="bt:generic-text" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="l" select="lower-case(bt:lang($nodes[1]))"/>
    <xsl:sequence select="bt:plain($nodes, not(matches($l, '^(zh|ja|ko)(-|$)')))"/>
  </xsl:function>

</xsl:stylesheet>
