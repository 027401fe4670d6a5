<?xml version="1.0" encoding="UTF-8"?>
<!--
  bitext: index.html of a folder of rendered articles.
  Entry point: initial template "index" (no source document).
  Parameters (common/params.xsl): $docs as document-node()* (the TEI documents, in the order
  to list them), $hrefs as xs:string* (relative link of each document's HTML page, same order),
  $rows as element()* (rows made beforehand by the named template "index-row", called with a TEI
  document as global context item and its $href), $index-title. One table row per document:
  date, page, Chinese title, English title, linked.
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
            <p class="count">{$n} {if ($n = 1) then 'article' else 'articles'}</p>
          </header>
          <main>
            <table class="index">
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
      </body>
    </html>
  </xsl:template>

  <!-- one document (context: its document node) -->
  <xsl:template name="index-row">
    <xsl:param name="href" as="xs:string?"/>
    <xsl:variable name="bitext" select="bt:is-bitext(.)"/>
    <xsl:variable name="date" select="bt:date(.)"/>
    <tr>
      <td class="date">
        <xsl:if test="$date != ''">
          <time datetime="{$date}">{$date}</time>
        </xsl:if>
      </td>
      <td class="page">{bt:page-number(.)}</td>
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
