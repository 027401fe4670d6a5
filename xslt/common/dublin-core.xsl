<?xml version="1.0" encoding="UTF-8"?>
<!--
  bitext: the Dublin Core (oai_dc) record of a TEI document, shared by dc.xsl and mets.xsl.
  Included by them after they import common/common.xsl, whose bt: functions it uses.

  The mapping (every value read from the TEI header, or from the first paragraphs):
    dc:title        per language of titleStmt/title: main and sub joined ("Main: Sub", Chinese "主题：副题");
                    a main title already ending in punctuation is joined with a space only
    dc:creator      one per titleStmt/author/persName (each script its own, with xml:lang); none without author
    dc:subject      sourceDesc/bibl/note[@type='column'] per language; profileDesc//keywords/term
    dc:description  the first paragraph of each side (Chinese original, English translation), cut at
                    $description-length(-cjk) characters (code points, so never inside a surrogate pair),
                    at a word or clause boundary where one is near, and ended with "…"
    dc:date         sourceDesc/bibl/date/@when (ISO 8601)
    dc:type         Text (DCMI Type Vocabulary)
    dc:format       application/tei+xml
    dc:identifier   /TEI/@xml:id; publicationStmt/idno (TEI from elsewhere); then $identifier-uri when given
    dc:source       per language of the newspaper title: "人民日报, 1960-06-14, 第2版, SECTION, 专栏：COLUMN",
                    "People's Daily, 1960-06-14, page 2, section: SECTION, column: COLUMN"
                    (section and column only where the TEI has them in that language)
    dc:language     profileDesc/langUsage/language/@ident: BCP 47 tags, as in the TEI's xml:lang (zh-Hans, en);
                    DCMI recommends BCP 47 (RFC 5646) for dc:language, and every ISO 639-1 code is one
  Deterministic: the same TEI gives the same record, byte for byte.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    xmlns:bt="urn:bitext:functions"
    xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="xs fn bt">

  <xsl:include href="export-params.xsl"/>

  <!-- the oai_dc:dc record of the TEI document holding $n -->
  <xsl:function name="bt:oai-dc" as="element(oai_dc:dc)">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="tei" select="root($n)/TEI"/>
    <oai_dc:dc xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">
      <xsl:sequence select="bt:dc-titles($n)"/>
      <xsl:for-each select="$tei/teiHeader/fileDesc/titleStmt/author">
        <xsl:for-each select="if (persName) then persName else .">
          <xsl:sequence select="bt:dc-element('creator', bt:normalize(., true()), bt:lang(.))"/>
        </xsl:for-each>
      </xsl:for-each>
      <xsl:for-each select="bt:bibl($n)/note[@type = 'column'],
                            $tei/teiHeader/profileDesc/textClass/keywords/term">
        <xsl:sequence select="bt:dc-element('subject', bt:normalize(., true()), bt:lang(.))"/>
      </xsl:for-each>
      <xsl:for-each select="bt:first-paragraphs($n)">
        <xsl:variable name="lang" select="bt:lang(.)"/>
        <xsl:variable name="text" select="replace(bt:plain(., true()), '\s*&#10;\s*', ' ')"/>
        <xsl:sequence select="bt:dc-element('description',
            bt:truncate($text, if (bt:is-cjk-lang($lang)) then $description-length-cjk else $description-length,
                        bt:is-cjk-lang($lang)), $lang)"/>
      </xsl:for-each>
      <xsl:variable name="date" select="bt:date($n)"/>
      <xsl:if test="matches($date, '^\d{4}(-\d{2}(-\d{2})?)?$')">
        <dc:date><xsl:value-of select="$date"/></dc:date>
      </xsl:if>
      <dc:type>Text</dc:type>
      <dc:format>application/tei+xml</dc:format>
      <xsl:sequence select="bt:dc-element('identifier', normalize-space($tei/@xml:id), ''),
                            $tei/teiHeader/fileDesc/publicationStmt/idno ! bt:dc-element('identifier', normalize-space(.), ''),
                            bt:dc-element('identifier', normalize-space($identifier-uri), '')"/>
      <xsl:for-each select="bt:bibl($n)/title[@level = 'j']">
        <xsl:sequence select="bt:dc-element('source', bt:dc-source(., $date), bt:lang(.))"/>
      </xsl:for-each>
      <xsl:for-each select="bt:dc-languages($n)">
        <dc:language><xsl:value-of select="."/></dc:language>
      </xsl:for-each>
    </oai_dc:dc>
  </xsl:function>

  <!-- a dc element with its text and xml:lang (none when $lang is ''); nothing for empty text -->
  <xsl:function name="bt:dc-element" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:if test="normalize-space($text) != ''">
      <xsl:element name="dc:{$name}" namespace="http://purl.org/dc/elements/1.1/">
        <xsl:if test="$lang != ''">
          <xsl:attribute name="xml:lang" select="$lang"/>
        </xsl:if>
        <xsl:value-of select="$text"/>
      </xsl:element>
    </xsl:if>
  </xsl:function>

  <!-- true for a language tag of Chinese, Japanese or Korean -->
  <xsl:function name="bt:is-cjk-lang" as="xs:boolean">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="matches($lang, '^(zh|ja|ko|cmn|yue|wuu|lzh|jpn|kor|chi|zho)(-|$)', 'i')"/>
  </xsl:function>

  <!-- one dc:title per language, in the order the languages first appear among the titles -->
  <xsl:function name="bt:dc-titles" as="element()*">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="stmt" select="root($n)/TEI/teiHeader/fileDesc/titleStmt/title"/>
    <xsl:variable name="titles" select="if (exists($stmt)) then $stmt else bt:bibl($n)/title[@level = 'a']"/>
    <xsl:for-each-group select="$titles" group-by="bt:lang(.)">
      <xsl:variable name="main" select="(current-group()[@type = 'main'], current-group()[not(@type)],
                                         current-group())[1]"/>
      <xsl:variable name="parts" select="($main, current-group()[@type = 'sub'] except $main)
                                         ! bt:normalize(., true())[. != '']"/>
      <xsl:sequence select="bt:dc-element('title', bt:join-title($parts, bt:is-cjk-lang(current-grouping-key())),
                                          current-grouping-key())"/>
    </xsl:for-each-group>
  </xsl:function>

  <!-- main title and subtitles in one: "Main: Sub" ("主题：副题" in Chinese, as GB/T 7714 writes other
       title information); a title that already ends in punctuation is followed by a space only
       (in Chinese by nothing) -->
  <xsl:function name="bt:join-title" as="xs:string">
    <xsl:param name="parts" as="xs:string*"/>
    <xsl:param name="cjk" as="xs:boolean"/>
    <xsl:sequence select="fold-left(tail($parts), string(head($parts)), function($acc, $p) {
        $acc
        || (if ($cjk) then (if (matches($acc, '[：:，,。！？；、—…]$')) then '' else '：')
            else (if (matches($acc, '[:;,.!?—–…-]$')) then ' ' else ': '))
        || $p })"/>
  </xsl:function>

  <!-- the first paragraph of each side of a bitext document (original, then translation);
       of another TEI document, its first paragraph -->
  <xsl:function name="bt:first-paragraphs" as="element()*">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="sides" select="bt:zh-div($n), bt:en-div($n)"/>
    <xsl:sequence select="if (exists($sides)) then $sides ! (.//p[normalize-space() != ''])[1]
                          else (root($n)/TEI/text/body//p[normalize-space() != ''])[1]"/>
  </xsl:function>

  <!--
    $s cut to at most $max characters, then "…". Characters are code points, so a surrogate pair is
    never split; combining marks stay with their base character. The cut goes back to the last space
    (or, in Chinese, the last clause punctuation) when that is in the last 40% of the allowed length;
    trailing spaces and commas before the "…" are dropped.
  -->
  <xsl:function name="bt:truncate" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="max" as="xs:integer"/>
    <xsl:param name="cjk" as="xs:boolean"/>
    <xsl:choose>
      <xsl:when test="string-length($s) le $max">
        <xsl:sequence select="$s"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="prefix" select="substring($s, 1, $max)"/>
        <!-- never leave a combining mark (or joiner, variation selector) without its base -->
        <xsl:variable name="hard" select="
            if (matches(substring($s, $max + 1, 1), '[\p{M}&#x200C;&#x200D;&#xFE00;-&#xFE0F;]'))
            then replace($prefix, '\P{M}[\p{M}&#x200C;&#x200D;&#xFE00;-&#xFE0F;]*$', '')
            else $prefix"/>
        <xsl:variable name="boundary" select="if ($cjk) then '^(.*[，。；：、！？）」』])[^，。；：、！？）」』]*$'
                                              else '^(.*\S)\s+\S*$'"/>
        <xsl:variable name="soft" select="if (matches($hard, $boundary, 's')) then replace($hard, $boundary, '$1', 's') else ''"/>
        <xsl:variable name="cut" select="if (string-length($soft) ge $max * 0.6) then $soft else $hard"/>
        <xsl:sequence select="replace($cut, '[\s,;:，；：、]+$', '') || '…'"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- the newspaper, date, page, section and column in the language of one journal title -->
  <xsl:function name="bt:dc-source" as="xs:string">
    <xsl:param name="journal" as="element()"/>
    <xsl:param name="date" as="xs:string"/>
    <xsl:variable name="lang" select="bt:lang($journal)"/>
    <xsl:variable name="cjk" select="bt:is-cjk-lang($lang)"/>
    <xsl:variable name="bibl" select="$journal/parent::*"/>
    <xsl:variable name="number" select="bt:page-number($journal)"/>
    <xsl:variable name="page-here" select="($bibl/biblScope[@unit = 'page'][bt:lang(.) = $lang])[1]"/>
    <xsl:variable name="page" select="
        if ($number = '') then bt:normalize($page-here, true())
        else if ($cjk) then (if (exists($page-here)) then bt:normalize($page-here, true()) else '第' || $number || '版')
        else 'page ' || $number"/>
    <xsl:variable name="section" select="bt:normalize(($bibl/note[@type = 'section'][bt:lang(.) = $lang])[1], true())"/>
    <xsl:variable name="column" select="bt:normalize(($bibl/note[@type = 'column'][bt:lang(.) = $lang])[1], true())"/>
    <xsl:sequence select="string-join((
        bt:normalize($journal, true()),
        $date,
        $page,
        if ($section = '') then () else if ($cjk) then $section else 'section: ' || $section,
        if ($column = '') then () else if ($cjk) then '专栏：' || $column else 'column: ' || $column
      )[. != ''], ', ')"/>
  </xsl:function>

  <!-- the document's languages: langUsage, else the languages of the text's sides -->
  <xsl:function name="bt:dc-languages" as="xs:string*">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="tei" select="root($n)/TEI"/>
    <xsl:variable name="declared" select="distinct-values($tei/teiHeader/profileDesc/langUsage/language/@ident
                                          ! normalize-space()[. != ''])"/>
    <xsl:sequence select="if (exists($declared)) then $declared
                          else distinct-values(($tei/@xml:lang, $tei/text/@xml:lang, $tei/text/body/div/@xml:lang)
                                               ! normalize-space()[. != ''])"/>
  </xsl:function>

</xsl:stylesheet>
