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

  <xsl:variable name="bt:css" as="xs:string" expand-text="no"><xsl:text>
:root { --ink: #1f1d1a; --muted: #6f6a62; --rule: #ddd7cc; --rule-strong: #b9b0a1; --paper: #fffdf9; --ground: #f3efe7;
  --accent: #9a2a1c; --unaligned: #fbf3e2; --hl: #ffdf7e; --hl-soft: #fff1c2; --row-hl: #faf5ea; --low: #d9a066; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; padding: 1.25rem; background: var(--ground); color: var(--ink);
  font: 16px/1.6 Georgia, "Times New Roman", "Noto Serif", serif; }
:lang(zh) { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", "Songti SC",
  SimSun, serif; line-height: 1.85; }
:lang(zh) em { font-style: normal; text-emphasis: filled dot; -webkit-text-emphasis: filled dot; }
.page { max-width: 74rem; margin: 0 auto; }
a { color: var(--accent); }
h1, h2, h3, h4, h5, h6 { line-height: 1.3; }
.panel { background: var(--paper); border: 1px solid var(--rule); border-top: 4px solid var(--accent);
  border-radius: 3px; padding: 1rem 1.25rem; margin: 0 0 1.25rem; }
.panel h1 { font-size: 1.65rem; margin: 0 0 .2rem; }
.panel .title-sub { display: block; font-size: 1.1rem; font-weight: normal; margin-top: .15rem; }
.panel .title-en { font-size: 1.15rem; font-style: italic; margin: .35rem 0 0; }
.panel .title-en .title-sub { font-size: 1rem; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .9rem 0 0;
  padding-top: .7rem; border-top: 1px solid var(--rule); font-size: .95rem; }
.meta dt { color: var(--muted); font-size: .78rem; letter-spacing: .05em; text-transform: uppercase; padding-top: .2rem; }
.meta dd { margin: 0; }
.sep { color: var(--muted); padding: 0 .35em; }
table { border-collapse: collapse; }
.parallel { width: 100%; table-layout: fixed; background: var(--paper); border: 1px solid var(--rule); }
.parallel col.c-n { width: 3.6rem; }
.parallel th, .parallel td { vertical-align: top; text-align: left; padding: .6rem .8rem; border-top: 1px solid var(--rule);
  overflow-wrap: break-word; }
.parallel thead th { line-height: 1.4; font-size: .78rem; color: var(--muted); letter-spacing: .05em; text-transform: uppercase;
  font-weight: normal; border-top: 0; }
.parallel td.zh { border-right: 1px solid var(--rule); }
.parallel td.n { color: var(--muted); font-size: .75rem; text-align: right; padding-right: .5rem; line-height: 1.4; }
.rownum { display: block; }
.cert { display: block; margin-top: .2rem; white-space: nowrap; font-size: .72rem; color: var(--muted); }
.missing { display: block; color: var(--accent); font-size: .72rem; }
.parallel p { margin: 0 0 .6rem; }
.parallel p:last-child, .parallel h2:last-child, .parallel h3:last-child { margin-bottom: 0; }
.parallel h2 { font-size: 1.3rem; margin: 0 0 .4rem; }
.parallel h3 { font-size: 1.08rem; margin: 0 0 .4rem; }
.byline { color: #4a453e; font-style: italic; }
.byline:lang(zh) { font-style: normal; }
.right { text-align: right; }
.item .marker { color: var(--muted); }
.dateline { font-weight: bold; }
tr.unaligned td { background: var(--unaligned); }
.unaligned-mark { color: var(--muted); font-style: italic; font-size: .85rem; }
.unaligned-mark:lang(en) { font-family: Georgia, "Times New Roman", "Noto Serif", serif; }
.unaligned-mark::before { content: "\2205\00a0"; font-style: normal; }
.glossary { margin-top: 1.25rem; }
.glossary h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
.gloss { width: 100%; background: var(--paper); border: 1px solid var(--rule); }
.gloss th, .gloss td { text-align: left; vertical-align: top; padding: .35rem .8rem; border-top: 1px solid var(--rule); }
.gloss th { font-size: .78rem; color: var(--muted); letter-spacing: .05em; text-transform: uppercase; font-weight: normal; }
.gloss td.term { width: 35%; white-space: nowrap; }
.generic main { background: var(--paper); border: 1px solid var(--rule); padding: .5rem 1.25rem 1rem; }
.generic .l { margin: 0; }
.generic .lg { margin: 0 0 1rem; }
.generic td, .generic th { border: 1px solid var(--rule); padding: .3rem .6rem; vertical-align: top; }
.generic .note { color: #4a453e; font-size: .92em; }
.generic .graphic { color: var(--muted); font-style: italic; }
.index { width: 100%; background: var(--paper); border: 1px solid var(--rule); }
.index th, .index td { text-align: left; vertical-align: top; padding: .45rem .8rem; border-top: 1px solid var(--rule); }
.index th { font-size: .78rem; color: var(--muted); letter-spacing: .05em; text-transform: uppercase; font-weight: normal; }
.index td.date, .index td.page { white-space: nowrap; font-variant-numeric: tabular-nums; }
.index th button.sort { all: unset; cursor: pointer; border-radius: 2px; }
.index th button.sort:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.index th button.sort::after { content: "\2195"; margin-left: .35em; opacity: .45; }
.index th[aria-sort=ascending] button.sort::after { content: "\2191"; opacity: 1; }
.index th[aria-sort=descending] button.sort::after { content: "\2193"; opacity: 1; }
.filter { display: flex; align-items: center; gap: .6rem; margin: 0 0 .6rem; }
.filter[hidden], .index tr[hidden] { display: none; }
.filter label { color: var(--muted); font-size: .78rem; letter-spacing: .05em; text-transform: uppercase; }
.filter input { flex: 0 1 24rem; font: inherit; padding: .3rem .55rem; border: 1px solid var(--rule); border-radius: 3px;
  background: var(--paper); color: var(--ink); }
.filter input:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
.index .title-sub { display: block; font-size: .88em; color: #4a453e; }
.empty-list { color: var(--muted); font-style: italic; }
.crumbs ol { display: flex; flex-wrap: wrap; list-style: none; margin: 0 0 .6rem; padding: 0; font-size: .9rem; }
.crumbs li + li::before { content: "\203A"; color: var(--muted); padding: 0 .5em; }
.crumbs [aria-current] { color: var(--muted); }
.prevnext { display: flex; justify-content: space-between; gap: 1rem; margin: 0 0 1rem; font-size: .92rem; }
.prevnext .next { margin-left: auto; text-align: right; }
.counts { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
  gap: .5rem; }
.counts li { background: var(--paper); border: 1px solid var(--rule); border-radius: 3px; padding: .5rem .8rem; }
.counts a { font-size: 1.1rem; }
.counts .n { display: block; color: var(--muted); font-size: .85rem; }
.pager { display: flex; flex-wrap: wrap; gap: .4rem; margin: .6rem 0; }
.pager a, .pager span { padding: .1rem .5rem; border: 1px solid var(--rule); border-radius: 3px; background: var(--paper); }
.pager [aria-current] { border-color: var(--accent); }
footer { color: var(--muted); font-size: .8rem; margin-top: 1rem; }
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; border: 0; }
.switch { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem; border: 0; margin: 0 0 .6rem; padding: 0;
  font-size: .9rem; }
.switch legend { float: left; margin-right: .3rem; padding: 0; color: var(--muted); font-size: .78rem;
  letter-spacing: .05em; text-transform: uppercase; }
.switch label { display: inline-flex; align-items: center; gap: .35rem; padding: .15rem .75rem .15rem .55rem;
  background: var(--paper); border: 1px solid var(--rule); border-radius: 999px; cursor: pointer; }
.switch input { margin: 0; accent-color: var(--accent); }
.switch label:has(input:checked) { border-color: var(--accent); }
.switch label:has(input:focus-visible) { outline: 2px solid var(--accent); outline-offset: 2px; }
main:has(#bt-show-zh:checked) .parallel th.en, main:has(#bt-show-zh:checked) .parallel td.en,
main:has(#bt-show-en:checked) .parallel th.zh, main:has(#bt-show-en:checked) .parallel td.zh { display: none; }
main:has(#bt-show-zh:checked) .parallel col.c-en, main:has(#bt-show-en:checked) .parallel col.c-en { display: none; }
main:has(#bt-show-zh:checked) .parallel td.zh, main:has(#bt-show-en:checked) .parallel td.en { border-right: 0; }
main:has(#bt-show-zh:checked) .parallel td.zh > *, main:has(#bt-show-en:checked) .parallel td.en > * { max-width: 46rem; }
.by-sentence tbody.para + tbody.para > tr:first-child > td { border-top: 3px double var(--rule-strong); }
.by-sentence tr.pair + tr.pair > td { border-top: 1px dotted var(--rule); }
.by-sentence td.zh, .by-sentence td.en { padding-top: .45rem; padding-bottom: .45rem; }
.by-sentence .parallel p, .by-sentence p { margin: 0 0 .35rem; }
.by-sentence tr.pair:hover > td.zh, .by-sentence tr.pair:hover > td.en,
.by-sentence tr.pair:focus-within > td.zh, .by-sentence tr.pair:focus-within > td.en { background-color: var(--row-hl); }
.s { border-radius: 2px; }
.s:hover, .s:focus { background-color: var(--hl-soft); }
.s:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
.s.hl { background-color: var(--hl); box-shadow: 0 0 0 2px var(--hl); }
tr.low > td.n { box-shadow: inset 3px 0 0 var(--low); }
tr.low .cert { color: #8a4b12; }
tr.pair.unaligned > td { background-color: var(--unaligned); }
@media print {
  body { background: #fff; padding: 0; font-size: 10.5pt; }
  .page { max-width: none; }
  .panel, .parallel, .gloss { border-color: #999; }
  .switch, script { display: none !important; }
  .parallel th.zh, .parallel th.en, .parallel td.zh, .parallel td.en { display: table-cell !important; }
  .parallel col.c-en { display: table-column !important; }
  .parallel td.zh { border-right: 1px solid var(--rule) !important; }
  .s, .s.hl, .s:hover, .s:focus { background: none !important; box-shadow: none !important; outline: none !important; }
  .by-sentence tr.pair > td.zh, .by-sentence tr.pair > td.en { background: none !important; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
@media screen and (max-width: 640px) {
  body { padding: .5rem; font-size: 15px; }
  .panel { padding: .8rem .9rem; }
  .panel h1 { font-size: 1.35rem; }
  .meta { grid-template-columns: 1fr; gap: 0; }
  .meta dt { padding-top: .45rem; }
  .parallel, .parallel tbody, .parallel tr, .parallel td { display: block; width: auto; }
  .parallel colgroup, .parallel thead { display: none; }
  .parallel tr { border-top: 3px solid var(--rule); }
  .parallel tr:first-child { border-top: 0; }
  .parallel td { border-top: 0; }
  .parallel td.zh { border-right: 0; padding-bottom: .35rem; }
  .parallel td.en { border-top: 1px dashed var(--rule); padding-top: .35rem; }
  .parallel td.n { text-align: left; padding: .35rem .8rem 0; }
  .rownum, .cert, .missing { display: inline; margin: 0 .6rem 0 0; }
  .gloss td.term { white-space: normal; }
  .index thead { display: none; }
  .index, .index tbody, .index tr, .index td { display: block; width: auto; }
  .index tr { border-top: 1px solid var(--rule); padding: .4rem 0; }
  .index td { border-top: 0; padding: .1rem .8rem; }
  .index td.date, .index td.page { display: inline-block; color: var(--muted); }
  .index td.page:not(:empty)::before { content: "p. "; }
  .by-sentence tbody.para + tbody.para > tr:first-child > td, .by-sentence tr.pair + tr.pair > td { border-top: 0; }
  .by-sentence tr.pair > td.en { border-top: 1px dashed var(--rule) !important; }
  .by-sentence tr.pair + tr.pair { border-top: 1px solid var(--rule); }
  .by-sentence tbody.para + tbody.para { border-top: 3px double var(--rule-strong); }
}
</xsl:text></xsl:variable>

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
