<?xml version="1.0" encoding="UTF-8"?>
<!--
  bitext: what every HTML page shares (article pages and index): the head element with its
  inline style sheet. No external resources: system fonts only, with a CJK font stack.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:bt="urn:bitext:functions"
    exclude-result-prefixes="#all">

  <!-- the style every page has: site.css beside this module (also served with serve's search page), read when the
       stylesheet is compiled; a line break first, as it was when the rules stood here -->
  <xsl:variable name="bt:css" static="yes" as="xs:string"
      select="'&#10;' || replace(unparsed-text('site.css', 'UTF-8'), '&#13;&#10;', '&#10;')"/>

  <!-- the head element: charset, viewport, title, inline style (with $css after the common rules, for
       a page that needs more of its own) -->
  <!-- the breadcrumbs of a site page: the links above it (a elements), then where the page is -->
  <xsl:template name="bt:breadcrumbs">
    <xsl:param name="links" as="element()*"/>
    <xsl:param name="here" as="xs:string"/>
    <nav class="crumbs" aria-label="Breadcrumb">
      <ol>
        <xsl:for-each select="$links">
          <li><xsl:sequence select="."/></li>
        </xsl:for-each>
        <li aria-current="page"><xsl:value-of select="$here"/></li>
      </ol>
    </nav>
  </xsl:template>

  <xsl:template name="bt:html-head">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="css" as="xs:string" select="''"/>
    <head>
      <meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <meta name="generator" content="bitext"/>
      <title>
        <xsl:value-of select="$title"/>
      </title>
      <style>
        <xsl:value-of select="$bt:css || $css"/>
      </style>
    </head>
  </xsl:template>

</xsl:stylesheet>
