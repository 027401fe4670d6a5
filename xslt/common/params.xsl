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

  <!-- index.xsl: what a site page lists (years, months or a page of articles; see index.xsl). -->
  <xsl:param name="site-data" as="document-node()?" select="()"/>

  <!-- index.xsl: the year (YYYY) and month (YYYY-MM) of a year or month page. -->
  <xsl:param name="site-year" as="xs:string" select="''"/>
  <xsl:param name="site-month" as="xs:string" select="''"/>

  <!-- index.xsl: a month page's number, the month's number of pages, and its article count. -->
  <xsl:param name="site-page" as="xs:integer" select="1"/>
  <xsl:param name="site-pages" as="xs:integer" select="1"/>
  <xsl:param name="site-count" as="xs:integer" select="0"/>

  <!-- index.xsl: the articles on a full month page (as the site is written: Site.PAGE_ROWS). -->
  <xsl:param name="site-page-rows" as="xs:integer" select="500"/>

  <!-- html.xsl, in run's site: the relative link from the page to html/ ('' = a page outside a
       site: no breadcrumbs, no previous/next), and the previous and next article by date (their
       relative links, '' at either end, and their dates). -->
  <xsl:param name="nav-root" as="xs:string" select="''"/>
  <xsl:param name="nav-prev" as="xs:string" select="''"/>
  <xsl:param name="nav-prev-date" as="xs:string" select="''"/>
  <xsl:param name="nav-next" as="xs:string" select="''"/>
  <xsl:param name="nav-next-date" as="xs:string" select="''"/>

  <!-- index.xsl: heading and page title of the index page. -->
  <xsl:param name="index-title" as="xs:string" select="'People’s Daily: bilingual articles'"/>

  <!-- html.xsl: show the aligner's certainty (link/@cert) beside a row. -->
  <xsl:param name="show-cert" as="xs:boolean" select="true()"/>

  <!-- html.xsl / index.xsl: language of the page's own labels ("Date", "Page", ...),
       and the language assumed for a foreign TEI document that declares none. -->
  <xsl:param name="ui-lang" as="xs:string" select="'en'"/>

</xsl:stylesheet>
