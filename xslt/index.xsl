<?xml version="1.0" encoding="UTF-8"?>
<!--
  bitext: index.html of a folder of rendered articles.
  Entry point: initial template "index" (no source document).
  Parameters (common/params.xsl): $docs as document-node()* (the TEI documents, in the order
  to list them), $hrefs as xs:string* (relative link of each document's HTML page, same order),
  $rows as element()* (rows made beforehand by the named template "index-row", called with a TEI
  document as global context item and its $href), $index-title. One table row per document:
  date, page, Chinese title, English title, linked.

  In the browser, a small inline script (no external resources) makes the table sortable (the
  column headers become buttons; aria-sort tells the order; dates, page numbers and titles each
  sort by their own kind, from td/@data-sort where present) and adds a filter field that hides
  the rows not containing every word typed, with a count "n of m articles". Without script the
  whole table shows as it is.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:bt="urn:bitext:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    expand-text="yes"
    exclude-result-prefixes="#all">

  <xsl:import href="common/common.xsl"/>
  <xsl:import href="common/html-page.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <xsl:template name="index">
    <html lang="{$ui-lang}">
      <xsl:call-template name="bt:html-head">
        <xsl:with-param name="title" select="$index-title"/>
      </xsl:call-template>
      <body class="index-page">
        <div class="page">
          <header class="panel">
            <h1>{$index-title}</h1>
            <xsl:variable name="n" select="count($docs) + count($rows)"/>
            <p class="count" id="bt-count" aria-live="polite">{$n} {if ($n = 1) then 'article' else 'articles'}</p>
          </header>
          <main>
            <div class="filter" id="bt-filter-box" hidden="hidden">
              <label for="bt-filter">Filter</label>
              <input type="search" id="bt-filter" autocomplete="off" spellcheck="false"
                     placeholder="date, page or words of a title"/>
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
                <xsl:for-each select="$docs">
                  <xsl:variable name="i" select="position()"/>
                  <xsl:call-template name="index-row">
                    <xsl:with-param name="href" select="$hrefs[$i]"/>
                  </xsl:call-template>
                </xsl:for-each>
                <xsl:sequence select="$rows"/>
                <xsl:if test="empty($docs) and empty($rows)">
                  <tr>
                    <td colspan="4" class="empty-list">No articles.</td>
                  </tr>
                </xsl:if>
              </tbody>
            </table>
          </main>
        </div>
        <script>
          <xsl:value-of select="$index-script"/>
        </script>
      </body>
    </html>
  </xsl:template>

  <!-- one document (context: its document node) -->
  <xsl:template name="index-row">
    <xsl:param name="href" as="xs:string?"/>
    <xsl:variable name="bitext" select="bt:is-bitext(.)"/>
    <xsl:variable name="date" select="bt:date(.)"/>
    <tr>
      <td class="date" data-sort="{$date}">
        <xsl:if test="$date != ''">
          <time datetime="{$date}">{$date}</time>
        </xsl:if>
      </td>
      <td class="page" data-sort="{bt:page-number(.)}">{bt:page-number(.)}</td>
      <td class="zh" lang="zh-Hans">
        <xsl:call-template name="linked-title">
          <xsl:with-param name="href" select="$href"/>
          <xsl:with-param name="main" select="bt:title(., 'zh', 'main')"/>
          <xsl:with-param name="sub" select="bt:title(., 'zh', 'sub')"/>
          <xsl:with-param name="fallback" select="bt:full-title(., 'zh', ' ')"/>
        </xsl:call-template>
      </td>
      <xsl:variable name="foreign-lang" select="string((/TEI/@xml:lang, /TEI/text/@xml:lang, $ui-lang)[1])"/>
      <td class="en" lang="{if ($bitext) then 'en' else $foreign-lang}">
        <xsl:call-template name="linked-title">
          <xsl:with-param name="href" select="$href"/>
          <xsl:with-param name="main" select="if ($bitext) then bt:title(., 'en', 'main') else bt:doc-title(.)"/>
          <xsl:with-param name="sub" select="if ($bitext) then bt:title(., 'en', 'sub') else ''"/>
          <xsl:with-param name="fallback" select="if ($bitext) then bt:full-title(., 'en', ' ') else ''"/>
        </xsl:call-template>
      </td>
    </tr>
  </xsl:template>

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
