<?xml version="1.0" encoding="UTF-8"?>
<!--
  bitext: every stylesheet parameter, with its default.
  Each output stylesheet (html.xsl, index.xsl, text.xsl, source.xsl) reaches this module
  through common/common.xsl; a parameter that an output does not use is simply ignored.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    exclude-result-prefixes="#all">

  <!-- text.xsl: which side to write. '' = both (row by row from the alignment),
       'zh' = Chinese only, 'en' = English only (units in document order). -->
  <xsl:param name="lang" as="xs:string" select="''"/>

  <!-- text.xsl: the width of a line in columns, East Asian wide and fullwidth characters counting two;
       0 = no wrapping (one line per paragraph or sentence group). -->
  <xsl:param name="width" as="xs:integer" select="80"/>

  <!-- index.xsl: the TEI documents to list, already in the desired order. -->
  <xsl:param name="docs" as="document-node()*" select="()"/>

  <!-- index.xsl: the relative link of each document's HTML page, same order as $docs. -->
  <xsl:param name="hrefs" as="xs:string*" select="()"/>

  <!-- index.xsl: table rows already made by the named template "index-row" (one per article, made while
       each article is rendered, so that a large folder's documents need not all be held at once); listed
       after the rows of $docs -->
  <xsl:param name="rows" as="element()*" select="()"/>

  <!-- index.xsl: heading and page title of the index page. -->
  <xsl:param name="index-title" as="xs:string" select="'People’s Daily: bilingual articles'"/>

  <!-- html.xsl: show the aligner's certainty (link/@cert) beside a row. -->
  <xsl:param name="show-cert" as="xs:boolean" select="true()"/>

  <!-- html.xsl / index.xsl: language of the page's own labels ("Date", "Page", ...),
       and the language assumed for a foreign TEI document that declares none. -->
  <xsl:param name="ui-lang" as="xs:string" select="'en'"/>

</xsl:stylesheet>
