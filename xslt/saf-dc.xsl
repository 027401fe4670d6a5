<?xml version="1.0" encoding="UTF-8"?>
<!--
  bitext: TEI header → dublin_core.xml of a DSpace Simple Archive Format item
  (the file `dspace import` reads: <dublin_core schema="dc"> of <dcvalue element qualifier language>).

  Every field used is in DSpace's default dc registry:
    dc.title                  the article title in the original's language (the Chinese); from
                              sourceDesc/bibl/title[@level='a'] (the header line verbatim), else the
                              titleStmt titles (main then sub) of that language
    dc.title.alternative      the same in each other language (the English translation)
    dc.contributor.author     each titleStmt/author/persName, in each script (else sourceDesc/bibl/author)
    dc.date.issued            sourceDesc/bibl/date/@when
    dc.type                   Article
    dc.language.iso           profileDesc/langUsage/language/@ident
    dc.relation.ispartof      the newspaper: bibl/title[@level='j'], in each language
    dc.identifier.citation    newspaper, date, page, in each language
    dc.identifier.other       the TEI root's xml:id
    dc.description            section and column notes of the bibl
    dc.subject                the glossary's named entities: term (Chinese) and gloss (English)
  Language tags are reduced to their language subtag, as DSpace uses them: zh-Hans → zh.
  No abstract: the articles have none, and a first paragraph is not one.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:bt="urn:bitext:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- the xml:lang in scope for a node, '' when none -->
  <xsl:function name="bt:lang" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="string(($n/ancestor-or-self::*/@xml:lang)[last()])"/>
  </xsl:function>

  <!-- the language as DSpace records it: the primary subtag, lower case (zh-Hans → zh) -->
  <xsl:function name="bt:dc-lang" as="xs:string">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="lower-case(tokenize($lang, '-')[1])"/>
  </xsl:function>

  <!-- one dcvalue; nothing for an empty value -->
  <xsl:template name="bt:dc">
    <xsl:param name="element" as="xs:string"/>
    <xsl:param name="qualifier" as="xs:string" select="'none'"/>
    <xsl:param name="lang" as="xs:string" select="''"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:variable name="v" select="normalize-space($value)"/>
    <xsl:if test="$v != ''">
      <dcvalue element="{$element}" qualifier="{$qualifier}">
        <xsl:if test="$lang != ''">
          <xsl:attribute name="language" select="bt:dc-lang($lang)"/>
        </xsl:if>
        <xsl:value-of select="$v"/>
      </dcvalue>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/">
    <xsl:if test="not(TEI)">
      <xsl:message terminate="yes" error-code="bt:not-tei">not a TEI document: the root element is <xsl:value-of
          select="name(*)"/>, not TEI in the namespace http://www.tei-c.org/ns/1.0</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="TEI"/>
  </xsl:template>

  <xsl:template match="TEI">
    <xsl:variable name="header" select="teiHeader"/>
    <xsl:variable name="stmt" select="$header/fileDesc/titleStmt"/>
    <xsl:variable name="bibl" select="($header/fileDesc/sourceDesc/bibl)[1]"/>
    <xsl:variable name="article-titles" select="$bibl/title[@level = 'a']"/>
    <xsl:variable name="title-langs" as="xs:string*"
        select="distinct-values(($article-titles, $stmt/title) ! bt:lang(.))"/>
    <xsl:variable name="original" as="xs:string?"
        select="(text/body/div[@type = 'original']/@xml:lang[. = $title-langs], $title-langs)[1]"/>

    <xsl:if test="empty($title-langs)">
      <xsl:message terminate="yes" error-code="bt:no-title">no title: the TEI header has neither
        fileDesc/titleStmt/title nor sourceDesc/bibl/title[@level='a'], and DSpace needs dc.title</xsl:message>
    </xsl:if>

    <dublin_core schema="dc">
      <xsl:for-each select="$original, $title-langs[. != $original]">
        <xsl:variable name="lang" select="."/>
        <xsl:call-template name="bt:dc">
          <xsl:with-param name="element" select="'title'"/>
          <xsl:with-param name="qualifier" select="if ($lang = $original) then 'none' else 'alternative'"/>
          <xsl:with-param name="lang" select="$lang"/>
          <xsl:with-param name="value" select="
              if ($article-titles[bt:lang(.) = $lang])
              then string($article-titles[bt:lang(.) = $lang][1])
              else string-join($stmt/title[bt:lang(.) = $lang] ! normalize-space(.), ' ')"/>
        </xsl:call-template>
      </xsl:for-each>

      <xsl:variable name="people" select="if ($stmt/author) then $stmt/author else $bibl/author"/>
      <xsl:for-each select="$people">
        <xsl:for-each select="if (persName) then persName else .">
          <xsl:call-template name="bt:dc">
            <xsl:with-param name="element" select="'contributor'"/>
            <xsl:with-param name="qualifier" select="'author'"/>
            <xsl:with-param name="lang" select="bt:lang(.)"/>
            <xsl:with-param name="value" select="string(.)"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:for-each>

      <xsl:call-template name="bt:dc">
        <xsl:with-param name="element" select="'date'"/>
        <xsl:with-param name="qualifier" select="'issued'"/>
        <xsl:with-param name="value" select="($bibl/date/@when, $bibl/date)[1]"/>
      </xsl:call-template>

      <xsl:call-template name="bt:dc">
        <xsl:with-param name="element" select="'type'"/>
        <xsl:with-param name="lang" select="'en'"/>
        <xsl:with-param name="value" select="'Article'"/>
      </xsl:call-template>

      <xsl:variable name="used" as="xs:string*"
          select="($header/profileDesc/langUsage/language/@ident, text/body/div/@xml:lang)"/>
      <xsl:for-each select="distinct-values($used ! bt:dc-lang(.))">
        <xsl:call-template name="bt:dc">
          <xsl:with-param name="element" select="'language'"/>
          <xsl:with-param name="qualifier" select="'iso'"/>
          <xsl:with-param name="value" select="."/>
        </xsl:call-template>
      </xsl:for-each>

      <xsl:for-each select="$bibl/title[@level = 'j']">
        <xsl:call-template name="bt:dc">
          <xsl:with-param name="element" select="'relation'"/>
          <xsl:with-param name="qualifier" select="'ispartof'"/>
          <xsl:with-param name="lang" select="bt:lang(.)"/>
          <xsl:with-param name="value" select="string(.)"/>
        </xsl:call-template>
      </xsl:for-each>

      <xsl:for-each select="$bibl/title[@level = 'j']">
        <xsl:variable name="lang" select="bt:lang(.)"/>
        <xsl:variable name="zh" select="bt:dc-lang($lang) = 'zh'"/>
        <xsl:call-template name="bt:dc">
          <xsl:with-param name="element" select="'identifier'"/>
          <xsl:with-param name="qualifier" select="'citation'"/>
          <xsl:with-param name="lang" select="$lang"/>
          <xsl:with-param name="value" select="string-join((normalize-space(.),
              string(($bibl/date/@when, $bibl/date)[1]),
              $bibl/biblScope[bt:lang(.) = $lang] ! normalize-space(.))[. != ''],
              if ($zh) then '，' else ', ')"/>
        </xsl:call-template>
      </xsl:for-each>

      <xsl:call-template name="bt:dc">
        <xsl:with-param name="element" select="'identifier'"/>
        <xsl:with-param name="qualifier" select="'other'"/>
        <xsl:with-param name="value" select="@xml:id"/>
      </xsl:call-template>

      <xsl:for-each select="$bibl/note[@type = ('section', 'column')]">
        <xsl:variable name="zh" select="bt:dc-lang(bt:lang(.)) = 'zh'"/>
        <xsl:call-template name="bt:dc">
          <xsl:with-param name="element" select="'description'"/>
          <xsl:with-param name="lang" select="bt:lang(.)"/>
          <xsl:with-param name="value" select="concat(
              if (@type = 'column') then (if ($zh) then '专栏：' else 'Column: ')
              else (if ($zh) then '版面：' else 'Section: '), normalize-space(.))"/>
        </xsl:call-template>
      </xsl:for-each>

      <xsl:variable name="entities" select="text/back//list[@type = 'glossary']/item/(term | gloss)"/>
      <xsl:for-each-group select="$entities" group-by="bt:lang(.) || '&#9;' || normalize-space(.)">
        <xsl:call-template name="bt:dc">
          <xsl:with-param name="element" select="'subject'"/>
          <xsl:with-param name="lang" select="bt:lang(.)"/>
          <xsl:with-param name="value" select="string(.)"/>
        </xsl:call-template>
      </xsl:for-each-group>
    </dublin_core>
  </xsl:template>

</xsl:stylesheet>
