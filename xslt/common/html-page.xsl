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

  <!-- the sentence search of `bitext serve`, for a page of run's site ($root: the way from the page up to the site's
       folder, '' or e.g. '../../'): hidden, and shown by its script only where the search answers (a folder opened
       from the file system or put on a static web host has none) -->
  <xsl:template name="bt:search-form">
    <xsl:param name="root" as="xs:string"/>
    <form class="site-search" id="bt-search" action="{$root}search" method="get" role="search" hidden="hidden"
          data-api="{$root}api/search">
      <input type="search" name="q" maxlength="500" aria-label="Search the sentences, in Chinese or English"
             placeholder="Search the sentences: 大跃进, &quot;people's commune&quot;, 干部 cadres"/>
      <button type="submit">Search</button>
    </form>
    <script>
      <xsl:value-of select="$bt:search-script"/>
    </script>
  </xsl:template>

  <!-- shows the search form when the site is served with its search (the API answers JSON); what the reader was
       looking at stays where it was (a page opened at a sentence has scrolled to it before the answer comes) -->
  <xsl:variable name="bt:search-script" as="xs:string" expand-text="no"><xsl:text>
(function () {
  "use strict";
  var form = document.getElementById("bt-search");
  if (!form || !/^https?:$/.test(location.protocol) || typeof fetch !== "function") { return; }
  function show() {
    var anchor = window.scrollY > 0 ? document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2) : null;
    var top = anchor ? anchor.getBoundingClientRect().top : 0;
    form.hidden = false;
    if (anchor) { window.scrollBy(0, Math.round(anchor.getBoundingClientRect().top - top)); }
  }
  fetch(form.getAttribute("data-api") + "?q=", {headers: {"Accept": "application/json"}}).then(function (r) {
    var type = r.headers.get("Content-Type") || "";
    if (r.ok &amp;&amp; type.indexOf("application/json") === 0) { show(); }
  }).catch(function () { });
}());
</xsl:text></xsl:variable>

  <!-- the head element: charset, viewport, title, inline style (with $css after the common rules, for
       a page that needs more of its own) -->
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
