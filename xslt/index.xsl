<?xml version="1.0" encoding="UTF-8"?>
<!--
  bitext: the index pages of a run's site (OUT/html/), written from the catalog.
  Entry points (named templates, no source document), each given its list as $site-data:
  - "archive": html/index.html, the years with their article counts
    ($site-data: list/year[@value, @count, @href]);
  - "year": html/years/YYYY/index.html, a year's months with their counts
    ($site-year; $site-data: list/month[@value YYYY-MM, @count, @href]);
  - "month": html/years/YYYY/MM.html (MM-2.html … when a month has more articles than one page
    holds), a page of a month's articles ($site-year, $site-month, $site-page, $site-pages,
    $site-count; $site-data: rows/article[@date, @page, @section, @title-zh, @title-en, @href]).
  Every page has breadcrumbs (archive › year › month) and relative links only, so the folder
  works from the file system, from a web server and copied anywhere; and the sentence search's
  form, shown by a small script only where `bitext serve` answers it.

  On a month page, a small inline script (no external resources) makes the table sortable (the
  column headers become buttons; aria-sort tells the order; dates, page numbers and titles each
  sort by their own kind, from td/@data-sort where present) and adds a filter field that hides
  the rows not containing every word typed, with a count "n of m articles". Without script the
  whole table shows as it is.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:bt="urn:bitext:functions"
    xpath-default-namespace=""
    expand-text="yes"
    exclude-result-prefixes="#all">

  <xsl:import href="common/common.xsl"/>
  <xsl:import href="common/html-page.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- html/index.html -->
  <xsl:template name="archive">
    <xsl:variable name="years" select="$site-data/list/year"/>
    <xsl:call-template name="site-page">
      <xsl:with-param name="title" select="$index-title"/>
      <xsl:with-param name="crumbs" select="()"/>
      <xsl:with-param name="count" select="xs:integer(sum($years/@count ! xs:integer(.)))"/>
      <xsl:with-param name="body">
        <xsl:call-template name="count-list">
          <xsl:with-param name="items" select="$years"/>
          <xsl:with-param name="label" select="'Years'"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- html/years/YYYY/index.html -->
  <xsl:template name="year">
    <xsl:variable name="months" select="$site-data/list/month"/>
    <xsl:call-template name="site-page">
      <xsl:with-param name="title" select="$site-year"/>
      <xsl:with-param name="crumbs" as="element()*">
        <a href="../../index.html">Archive</a>
      </xsl:with-param>
      <xsl:with-param name="count" select="xs:integer(sum($months/@count ! xs:integer(.)))"/>
      <xsl:with-param name="body">
        <xsl:call-template name="count-list">
          <xsl:with-param name="items" select="$months"/>
          <xsl:with-param name="label" select="'Months of ' || $site-year"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- html/years/YYYY/MM.html, MM-2.html … -->
  <xsl:template name="month">
    <xsl:variable name="rows" select="$site-data/rows/article"/>
    <xsl:variable name="first" select="($site-page - 1) * $site-page-rows + 1"/>
    <xsl:call-template name="site-page">
      <xsl:with-param name="title" select="bt:month-name($site-month)"/>
      <xsl:with-param name="crumbs" as="element()*">
        <a href="../../index.html">Archive</a>
        <a href="index.html">{$site-year}</a>
      </xsl:with-param>
      <xsl:with-param name="count" select="$site-count"/>
      <xsl:with-param name="count-note" select="if ($site-pages gt 1)
          then 'this page: ' || $first || '–' || ($first + count($rows) - 1) else ''"/>
      <xsl:with-param name="body">
        <xsl:call-template name="pager"/>
        <div class="filter" id="bt-filter-box" hidden="hidden">
          <label for="bt-filter">Filter</label>
          <input type="search" id="bt-filter" autocomplete="off" spellcheck="false"
                 placeholder="date, page or words of a title"/>
          <span class="count" id="bt-count" aria-live="polite"/>
        </div>
        <table class="index" id="bt-index">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Page</th>
              <th scope="col" lang="zh-Hans">标题</th>
              <th scope="col">English title</th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$rows">
              <tr>
                <td class="date" data-sort="{@date}"><time datetime="{@date}">{@date}</time></td>
                <td class="page" data-sort="{@page}">{@page}</td>
                <td class="zh" lang="zh-Hans">
                  <xsl:call-template name="linked-title">
                    <xsl:with-param name="href" select="string(@href)"/>
                    <xsl:with-param name="main" select="string(@title-zh)"/>
                    <xsl:with-param name="sub" select="''"/>
                    <xsl:with-param name="fallback" select="'(untitled)'"/>
                  </xsl:call-template>
                </td>
                <td class="en" lang="en">
                  <xsl:call-template name="linked-title">
                    <xsl:with-param name="href" select="string(@href)"/>
                    <xsl:with-param name="main" select="string(@title-en)"/>
                    <xsl:with-param name="sub" select="''"/>
                    <xsl:with-param name="fallback" select="if (@title-zh = '') then '(untitled)' else ''"/>
                  </xsl:call-template>
                </td>
              </tr>
            </xsl:for-each>
            <xsl:if test="empty($rows)">
              <tr>
                <td colspan="4" class="empty-list">No articles.</td>
              </tr>
            </xsl:if>
          </tbody>
        </table>
        <xsl:call-template name="pager"/>
      </xsl:with-param>
      <xsl:with-param name="script" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- the frame of every index page: breadcrumbs, heading with the count, the search form, the body -->
  <xsl:template name="site-page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="crumbs" as="element()*"/>
    <xsl:param name="count" as="xs:integer"/>
    <xsl:param name="count-note" as="xs:string" select="''"/>
    <xsl:param name="body" as="item()*"/>
    <xsl:param name="script" as="xs:boolean" select="false()"/>
    <html lang="{$ui-lang}">
      <xsl:call-template name="bt:html-head">
        <xsl:with-param name="title" select="if ($title = $index-title) then $title else $title || ' — ' || $index-title"/>
      </xsl:call-template>
      <body class="index-page">
        <div class="page">
          <xsl:call-template name="bt:breadcrumbs">
            <xsl:with-param name="links" select="$crumbs"/>
            <xsl:with-param name="here" select="if (empty($crumbs)) then 'Archive' else $title"/>
          </xsl:call-template>
          <header class="panel">
            <h1>{$title}</h1>
            <p class="count" id="bt-total">{format-integer($count, '#,##0')} {if ($count = 1) then 'article' else 'articles'}<xsl:if
                test="$count-note != ''"><span class="sep">·</span>{$count-note}</xsl:if></p>
          </header>
          <main>
            <!-- the archive is the site's folder itself; year and month pages are two folders down -->
            <xsl:call-template name="bt:search-form">
              <xsl:with-param name="root" select="if (empty($crumbs)) then '' else '../../'"/>
            </xsl:call-template>
            <xsl:sequence select="$body"/>
          </main>
        </div>
        <xsl:if test="$script">
          <script>
            <xsl:value-of select="$index-script"/>
          </script>
        </xsl:if>
      </body>
    </html>
  </xsl:template>

  <!-- years or months, each linked, with its count -->
  <xsl:template name="count-list">
    <xsl:param name="items" as="element()*"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="empty($items)">
        <p class="empty-list">No articles.</p>
      </xsl:when>
      <xsl:otherwise>
        <ul class="counts" aria-label="{$label}">
          <xsl:for-each select="$items">
            <li>
              <a href="{@href}">{if (self::month) then bt:month-name(@value) else string(@value)}</a>
              <span class="n">{format-integer(xs:integer(@count), '#,##0')} {if (@count = '1') then 'article' else 'articles'}</span>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- links to the other pages of a month, when it has more than one -->
  <xsl:template name="pager">
    <xsl:if test="$site-pages gt 1">
      <nav class="pager" aria-label="Pages of {bt:month-name($site-month)}">
        <xsl:for-each select="1 to $site-pages">
          <xsl:variable name="file" select="substring($site-month, 6, 2) || (if (. = 1) then '' else '-' || .) || '.html'"/>
          <xsl:choose>
            <xsl:when test=". = $site-page">
              <span aria-current="page">{.}</span>
            </xsl:when>
            <xsl:otherwise>
              <a href="{$file}">{.}</a>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- "1960-06" as "June 1960" -->
  <xsl:function name="bt:month-name" as="xs:string">
    <xsl:param name="month" as="xs:string"/>
    <xsl:sequence select="if (matches($month, '^\d{4}-(0[1-9]|1[0-2])$'))
        then format-date(xs:date($month || '-01'), '[MNn] [Y]', 'en', (), ())
        else $month"/>
  </xsl:function>

  <!-- sorting and filtering of the table (see the header comment) -->
  <xsl:variable name="index-script" as="xs:string" expand-text="no"><xsl:text>
(function () {
  "use strict";
  var table = document.getElementById("bt-index");
  var body = table &amp;&amp; table.tBodies[0];
  if (!body) { return; }
  var rows = Array.prototype.slice.call(body.rows).filter(function (r) { return r.cells.length &gt; 1; });
  if (rows.length === 0) { return; }
  rows.forEach(function (r, i) { r.setAttribute("data-order", String(i)); });
  var count = document.getElementById("bt-count");
  var box = document.getElementById("bt-filter-box");
  var field = document.getElementById("bt-filter");
  var total = rows.length;
  var collator = typeof Intl !== "undefined" ? new Intl.Collator(["zh-Hans", "en"], {numeric: true}) : null;

  function key(row, col) {
    var cell = row.cells[col];
    if (!cell) { return ""; }
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }
  function compare(a, b) {
    var x = a === "" ? null : Number(a), y = b === "" ? null : Number(b);
    if (x !== null &amp;&amp; y !== null &amp;&amp; !isNaN(x) &amp;&amp; !isNaN(y)) { return x - y; }
    if (a === "" || b === "") { return a === "" ? (b === "" ? 0 : 1) : -1; }
    return collator ? collator.compare(a, b) : (a &lt; b ? -1 : a &gt; b ? 1 : 0);
  }
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headers.forEach(function (th, col) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    while (th.firstChild) { button.appendChild(th.firstChild); }
    th.appendChild(button);
    th.setAttribute("aria-sort", "none");
    button.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var sorted = rows.slice().sort(function (a, b) {
        var c = compare(key(a, col), key(b, col));
        if (c === 0) { c = Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order")); return c; }
        return ascending ? c : -c;
      });
      sorted.forEach(function (r) { body.appendChild(r); });
    });
  });

  function filter() {
    var words = field.value.toLowerCase().split(/\s+/).filter(function (w) { return w !== ""; });
    var shown = 0;
    rows.forEach(function (r) {
      var text = r.textContent.toLowerCase();
      var match = words.every(function (w) { return text.indexOf(w) !== -1; });
      r.hidden = !match;
      if (match) { shown++; }
    });
    count.textContent = (words.length === 0 ? "" : shown + " of ") + total + (total === 1 ? " article" : " articles");
  }
  box.hidden = false;
  field.addEventListener("input", filter);
  filter();
}());
</xsl:text></xsl:variable>

  <!-- main title linked to the page, sub title below it -->
  <xsl:template name="linked-title">
    <xsl:param name="href" as="xs:string?"/>
    <xsl:param name="main" as="xs:string"/>
    <xsl:param name="sub" as="xs:string"/>
    <xsl:param name="fallback" as="xs:string"/>
    <xsl:variable name="label" select="if (normalize-space($main) != '') then $main else $fallback"/>
    <xsl:if test="normalize-space($label) != ''">
      <xsl:choose>
        <xsl:when test="exists($href)">
          <a href="{$href}">{$label}</a>
        </xsl:when>
        <xsl:otherwise>{$label}</xsl:otherwise>
      </xsl:choose>
      <xsl:if test="normalize-space($main) != '' and normalize-space($sub) != ''">
        <span class="title-sub">{$sub}</span>
      </xsl:if>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
