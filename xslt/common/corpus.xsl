<?xml version="1.0" encoding="UTF-8"?>
<!--
  bitext: a teiCorpus (its own teiHeader, then TEI members and nested teiCorpus elements), for the
  output stylesheets that render every member of one.

  A member TEI is rendered from a copy of it made the root of a document of its own: the functions
  of common.xsl find the header, body, standOff and the targets of links from the root TEI of the
  document holding a node, so each member is seen alone, and the ids of different members, which
  may clash, never mix.

  Members are numbered by position among the TEI and teiCorpus children of their corpus, a nested
  member by the numbers of its corpora and its own: (2, 1) is the first member of the second.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:bt="urn:bitext:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- the members of a corpus, in document order: its TEI and teiCorpus children -->
  <xsl:function name="bt:members" as="element()*">
    <xsl:param name="corpus" as="element(teiCorpus)"/>
    <xsl:sequence select="$corpus/(TEI | teiCorpus)"/>
  </xsl:function>

  <!-- the number of a member: its position in its corpus, after those of the corpora it is nested in -->
  <xsl:function name="bt:member-path" as="xs:integer*">
    <xsl:param name="member" as="element()"/>
    <xsl:sequence select="$member/ancestor-or-self::*[self::TEI or self::teiCorpus][parent::teiCorpus]
                          ! (count(preceding-sibling::*[self::TEI or self::teiCorpus]) + 1)"/>
  </xsl:function>

  <!-- the number of a member as text, its parts joined by $sep: '2-1' (in an HTML id), '2.1' -->
  <xsl:function name="bt:member-number" as="xs:string">
    <xsl:param name="member" as="element()"/>
    <xsl:param name="sep" as="xs:string"/>
    <xsl:sequence select="string-join(bt:member-path($member) ! string(), $sep)"/>
  </xsl:function>

  <!-- a member TEI as a document of its own: a copy of it, with the xml:lang it inherits from its
       corpora made its own when it has none -->
  <xsl:function name="bt:member-document" as="document-node()">
    <xsl:param name="tei" as="element(TEI)"/>
    <xsl:document>
      <xsl:for-each select="$tei">
        <xsl:copy>
          <xsl:copy-of select="(ancestor::*/@xml:lang)[last()], @*, node()"/>
        </xsl:copy>
      </xsl:for-each>
    </xsl:document>
  </xsl:function>

  <!-- the title of a TEI or teiCorpus element from its own header: main title, else the first title;
       a header with main titles in several languages (bitext's) gives them all, joined by ' — ' -->
  <xsl:function name="bt:member-title" as="xs:string">
    <xsl:param name="member" as="element()"/>
    <xsl:variable name="ts" select="$member/teiHeader/fileDesc/titleStmt"/>
    <xsl:variable name="main" select="$ts/title[@type = 'main'][normalize-space(.) != '']"/>
    <xsl:sequence select="if (count(distinct-values($main ! bt:lang(.))) gt 1)
                          then string-join($main ! bt:normalize(., true()), ' — ')
                          else bt:normalize(($main, $ts/title[not(@type)], $ts/title)[1], true())"/>
  </xsl:function>

</xsl:stylesheet>
