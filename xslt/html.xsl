<?xml version="1.0" encoding="UTF-8"?>
<!--
  bitext: one HTML5 page per TEI document. Entry point: the document node (default mode).
  A bitext document (it has standOff/linkGrp[@type='translation']) is shown as a metadata
  panel, then a two-column table built ROW BY ROW from the alignment links (Chinese cell,
  English cell), then the glossary. Any other TEI document is rendered generically so that
  all the text of its text element appears.

  Reading view of a document with sentence-level alignment (a linkGrp of subtype 'sentence'):
  one tbody per paragraph-level link (a visible boundary between them), in it one row per
  sentence-level link or unaligned sentence, Chinese sentences left, English right. Each
  sentence is a span with the TEI xml:id as id, tabindex="0" and data-links (the ids of its
  counterparts); the units (head, byline, p, item) are kept as blocks around their sentences,
  a unit's id on the block holding its first sentence. Unaligned sentences: class "unaligned"
  on the row, "no counterpart" in the other cell; links with cert below 0.5: class "low".
  Hovering or focusing a sentence highlights its counterparts (class "hl", set by the small
  inline script; without script the row is highlighted by CSS alone). The Chinese / English /
  both switch is three radio buttons that CSS reads (:has), so it needs no script. Documents
  aligned by paragraph only keep one row per paragraph-level link. No external resources.

  A teiCorpus is one page: its header, a table of contents, then every member in document order,
  each shown as its own page would show it (see "corpus page" below).
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
  <xsl:import href="common/corpus.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <xsl:template match="/">
    <xsl:choose>
      <!-- first: the functions that look for a root TEI would see the members of a corpus as one -->
      <xsl:when test="teiCorpus">
        <xsl:apply-templates select="teiCorpus" mode="corpus-page"/>
      </xsl:when>
      <xsl:when test="bt:is-bitext(.)">
        <xsl:apply-templates select="TEI" mode="bitext-page"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="(TEI, *)[1]" mode="generic-page"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================
       bitext page
       ================================================================ -->

  <xsl:template match="TEI" mode="bitext-page">
    <xsl:variable name="zh-title" select="bt:full-title(., 'zh', ' ')"/>
    <xsl:variable name="en-title" select="bt:full-title(., 'en', ' ')"/>
    <html lang="{$ui-lang}">
      <xsl:call-template name="bt:html-head">
        <xsl:with-param name="title" select="string-join(($zh-title, $en-title)[normalize-space(.) != ''], ' — ')"/>
      </xsl:call-template>
      <body class="bitext">
        <div class="page">
          <xsl:call-template name="site-nav">
            <xsl:with-param name="title" select="($zh-title[normalize-space(.) != ''], $en-title)[1]"/>
          </xsl:call-template>
          <xsl:apply-templates select="teiHeader" mode="bitext-panel"/>
          <main>
            <xsl:call-template name="reading-view"/>
          </main>
          <xsl:call-template name="prev-next"/>
        </div>
        <xsl:if test="exists(bt:sentence-group(.))">
          <script>
            <xsl:value-of select="$highlight-script"/>
          </script>
        </xsl:if>
      </body>
    </html>
  </xsl:template>

  <!-- in run's site ($nav-root given): breadcrumbs archive › year › month › this article, the
       search form (shown where serve answers it), and the previous and next article by date.
       Context: the TEI element -->
  <xsl:template name="site-nav">
    <xsl:param name="title" as="xs:string"/>
    <xsl:if test="$nav-root != ''">
      <xsl:variable name="date" select="bt:date(.)"/>
      <xsl:variable name="month" select="if (matches($date, '^\d{4}-\d{2}')) then substring($date, 1, 7) else ''"/>
      <xsl:call-template name="bt:breadcrumbs">
        <xsl:with-param name="links" as="element()*">
          <a href="{$nav-root}index.html">Archive</a>
          <xsl:if test="$month != ''">
            <a href="{$nav-root}years/{substring($month, 1, 4)}/index.html">{substring($month, 1, 4)}</a>
            <a href="{$nav-root}years/{substring($month, 1, 4)}/{substring($month, 6, 2)}.html">{
              format-date(xs:date($month || '-01'), '[MNn] [Y]', 'en', (), ())}</a>
          </xsl:if>
        </xsl:with-param>
        <xsl:with-param name="here" select="$title"/>
      </xsl:call-template>
      <xsl:call-template name="bt:search-form">
        <xsl:with-param name="root" select="$nav-root"/>
      </xsl:call-template>
      <xsl:call-template name="prev-next"/>
    </xsl:if>
  </xsl:template>

  <!-- links to the previous and next article by date, in run's site -->
  <xsl:template name="prev-next">
    <xsl:if test="$nav-root != '' and ($nav-prev != '' or $nav-next != '')">
      <nav class="prevnext" aria-label="Previous and next article">
        <xsl:if test="$nav-prev != ''">
          <a class="prev" rel="prev" href="{$nav-prev}">← Previous article<xsl:if test="$nav-prev-date != ''"> ({$nav-prev-date})</xsl:if></a>
        </xsl:if>
        <xsl:if test="$nav-next != ''">
          <a class="next" rel="next" href="{$nav-next}">Next article<xsl:if test="$nav-next-date != ''"> ({$nav-next-date})</xsl:if> →</a>
        </xsl:if>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- what the page of a bitext document shows below its panel: the language switch, the parallel
       table and the glossary. Context: the TEI element -->
  <xsl:template name="reading-view">
    <xsl:call-template name="language-switch"/>
    <xsl:call-template name="parallel-table"/>
    <xsl:apply-templates select="text/back/div[@type = 'glossary']" mode="glossary"/>
  </xsl:template>

  <!-- metadata panel: both titles (main and sub), authors, newspaper, date, page, section, column;
       the title in an h1, or in the heading $heading names (a member of a corpus) -->
  <xsl:template match="teiHeader" mode="bitext-panel">
    <xsl:param name="heading" as="xs:string" select="'h1'"/>
    <header class="panel">
      <xsl:element name="{$heading}">
        <xsl:attribute name="lang" select="'zh-Hans'"/>
        <xsl:value-of select="bt:title(., 'zh', 'main')"/>
        <xsl:if test="bt:title(., 'zh', 'sub') != ''">
          <span class="title-sub">{bt:title(., 'zh', 'sub')}</span>
        </xsl:if>
      </xsl:element>
      <xsl:if test="bt:full-title(., 'en', '') != ''">
        <p class="title-en" lang="en">
          <xsl:value-of select="bt:title(., 'en', 'main')"/>
          <xsl:if test="bt:title(., 'en', 'sub') != ''">
            <span class="title-sub">{bt:title(., 'en', 'sub')}</span>
          </xsl:if>
        </p>
      </xsl:if>
      <dl class="meta">
        <xsl:variable name="authors" select="fileDesc/titleStmt/author"/>
        <xsl:if test="exists($authors)">
          <dt>{if (count($authors) gt 1) then 'Authors' else 'Author'}</dt>
          <dd>
            <xsl:for-each select="$authors">
              <xsl:if test="position() gt 1"><span class="sep">·</span></xsl:if>
              <xsl:call-template name="both-langs">
                <xsl:with-param name="zh" select="(persName[lang('zh')], .[not(persName)][lang('zh')])[1]"/>
                <xsl:with-param name="en" select="(persName[lang('en')], .[not(persName)][not(lang('zh'))])[1]"/>
              </xsl:call-template>
            </xsl:for-each>
          </dd>
        </xsl:if>
        <xsl:call-template name="meta-row">
          <xsl:with-param name="label" select="'Newspaper'"/>
          <xsl:with-param name="zh" select="bt:bibl(.)/title[@level = 'j'][lang('zh')][1]"/>
          <xsl:with-param name="en" select="bt:bibl(.)/title[@level = 'j'][lang('en')][1]"/>
        </xsl:call-template>
        <xsl:if test="bt:date(.) != ''">
          <dt>Date</dt>
          <dd><time datetime="{bt:date(.)}">{bt:date(.)}</time></dd>
        </xsl:if>
        <xsl:call-template name="meta-row">
          <xsl:with-param name="label" select="'Page'"/>
          <xsl:with-param name="zh" select="bt:page(., 'zh')"/>
          <xsl:with-param name="en" select="bt:page(., 'en')"/>
        </xsl:call-template>
        <xsl:call-template name="meta-row">
          <xsl:with-param name="label" select="'Section'"/>
          <xsl:with-param name="zh" select="bt:bibl(.)/note[@type = 'section'][lang('zh')][1]"/>
          <xsl:with-param name="en" select="bt:bibl(.)/note[@type = 'section'][lang('en')][1]"/>
        </xsl:call-template>
        <xsl:call-template name="meta-row">
          <xsl:with-param name="label" select="'Column'"/>
          <xsl:with-param name="zh" select="bt:bibl(.)/note[@type = 'column'][lang('zh')][1]"/>
          <xsl:with-param name="en" select="bt:bibl(.)/note[@type = 'column'][lang('en')][1]"/>
        </xsl:call-template>
      </dl>
    </header>
  </xsl:template>

  <!-- a dt/dd pair when either language has a value -->
  <xsl:template name="meta-row">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="zh" as="element()?"/>
    <xsl:param name="en" as="element()?"/>
    <xsl:if test="normalize-space($zh) != '' or normalize-space($en) != ''">
      <dt>{$label}</dt>
      <dd>
        <xsl:call-template name="both-langs">
          <xsl:with-param name="zh" select="$zh"/>
          <xsl:with-param name="en" select="$en"/>
        </xsl:call-template>
      </dd>
    </xsl:if>
  </xsl:template>

  <!-- "中文 / English", each part in a span with its lang -->
  <xsl:template name="both-langs">
    <xsl:param name="zh" as="element()?"/>
    <xsl:param name="en" as="element()?"/>
    <xsl:variable name="parts" select="($zh, $en)[normalize-space(.) != '']"/>
    <xsl:for-each select="$parts">
      <xsl:if test="position() gt 1"><span class="sep">/</span></xsl:if>
      <span lang="{bt:html-lang(.)}">
        <xsl:apply-templates mode="inline"/>
      </span>
    </xsl:for-each>
  </xsl:template>

  <!-- which languages the table shows: radio buttons read by the style sheet (no script needed) -->
  <xsl:template name="language-switch">
    <fieldset class="switch">
      <legend>Show</legend>
      <label><input type="radio" name="bt-show" id="bt-show-both" value="both" checked="checked"/> both</label>
      <label lang="zh-Hans"><input type="radio" name="bt-show" id="bt-show-zh" value="zh"/> 中文</label>
      <label><input type="radio" name="bt-show" id="bt-show-en" value="en"/> English</label>
    </fieldset>
  </xsl:template>

  <!-- the parallel table: one row per link / unaligned ptr, in link order; by sentence when the
       document has a sentence-level linkGrp -->
  <xsl:template name="parallel-table">
    <xsl:variable name="by-sentence" select="exists(bt:sentence-group(.))"/>
    <table class="parallel{if ($by-sentence) then ' by-sentence' else ''}">
      <colgroup>
        <col class="c-n"/>
        <col class="c-zh"/>
        <col class="c-en"/>
      </colgroup>
      <thead>
        <tr>
          <th scope="col" class="n"><span class="rownum">#</span></th>
          <th scope="col" class="zh" lang="zh-Hans">中文原文</th>
          <th scope="col" class="en" lang="en">English translation</th>
        </tr>
      </thead>
      <xsl:choose>
        <xsl:when test="$by-sentence">
          <xsl:call-template name="sentence-groups"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="unit-rows"/>
        </xsl:otherwise>
      </xsl:choose>
    </table>
  </xsl:template>

  <!-- one tbody per paragraph-level link or ptr, holding a row per sentence-level link or ptr; a
       paragraph-level row whose units are not all in sentences keeps its one row -->
  <xsl:template name="sentence-groups">
    <xsl:for-each select="bt:rows(.)">
      <xsl:variable name="p" select="position()"/>
      <tbody class="para" id="para-{$p}">
        <xsl:choose>
          <xsl:when test="bt:by-sentence(.)">
            <xsl:for-each select="bt:sentence-rows(.)">
              <xsl:call-template name="sentence-row">
                <xsl:with-param name="n" select="$p || '.' || position()"/>
              </xsl:call-template>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="row">
              <xsl:with-param name="n" select="$p"/>
              <xsl:with-param name="units" select="bt:targets(.)"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </tbody>
    </xsl:for-each>
    <xsl:variable name="row-count" select="count(bt:rows(.))"/>
    <xsl:for-each select="bt:unlinked-units(.)">
      <tbody class="para" id="para-{$row-count + position()}">
        <xsl:call-template name="row">
          <xsl:with-param name="n" select="$row-count + position()"/>
          <xsl:with-param name="units" select="."/>
        </xsl:call-template>
      </tbody>
    </xsl:for-each>
  </xsl:template>

  <!-- one row of sentences. Context: a sentence-level link or ptr, or a sentence that none names -->
  <xsl:template name="sentence-row">
    <xsl:param name="n" as="xs:string"/>
    <xsl:variable name="row" select="."/>
    <xsl:variable name="sentences" select="(if (self::s) then . else bt:targets(.))/."/>
    <xsl:variable name="zh" select="$sentences[bt:side(.) = 'zh']"/>
    <xsl:variable name="en" select="$sentences[bt:side(.) = 'en']"/>
    <xsl:variable name="unaligned" select="empty($zh) or empty($en)"/>
    <xsl:variable name="cert" select="if (self::link) then @cert else ()"/>
    <xsl:variable name="low" select="$cert castable as xs:decimal and xs:decimal($cert) lt 0.5"/>
    <tr id="row-{translate($n, '.', '-')}"
        class="{string-join(('pair', if ($unaligned) then 'unaligned' else 'aligned', 'low'[$low]), ' ')}">
      <td class="n">
        <span class="rownum">{$n}</span>
        <xsl:if test="$show-cert and exists($cert)">
          <span class="cert" title="alignment certainty {$cert}{if ($low) then ' (low)' else ''}">≈ {$cert}<xsl:if
              test="$low"><span class="vh"> (low certainty)</span></xsl:if></span>
        </xsl:if>
        <xsl:if test="self::link or self::ptr">
          <xsl:for-each select="bt:missing-targets(.)">
            <span class="missing" title="link target not found">? {.}</span>
          </xsl:for-each>
        </xsl:if>
      </td>
      <xsl:for-each select="'zh', 'en'">
        <xsl:variable name="side" select="."/>
        <xsl:variable name="mine" select="if ($side = 'zh') then $zh else $en"/>
        <xsl:variable name="others" select="if ($side = 'zh') then $en else $zh"/>
        <td class="{$side}{if (empty($mine)) then ' empty' else ''}" lang="{if ($side = 'zh') then 'zh-Hans' else 'en'}">
          <xsl:choose>
            <xsl:when test="empty($mine)">
              <span class="unaligned-mark" lang="en">no counterpart</span>
            </xsl:when>
            <xsl:otherwise>
              <xsl:for-each-group select="$mine" group-adjacent="generate-id(..)">
                <xsl:call-template name="unit-part">
                  <xsl:with-param name="sentences" select="current-group()"/>
                  <xsl:with-param name="links" select="string-join($others/@xml:id, ' ')"/>
                </xsl:call-template>
              </xsl:for-each-group>
            </xsl:otherwise>
          </xsl:choose>
        </td>
      </xsl:for-each>
    </tr>
  </xsl:template>

  <!-- the sentences of one unit that a row shows, in a block of the unit's kind (heading, byline,
       paragraph, item); the block holding the unit's first sentence carries the unit's id (and an
       item's marker), the others class "cont" -->
  <xsl:template name="unit-part">
    <xsl:param name="sentences" as="element()+"/>
    <xsl:param name="links" as="xs:string"/>
    <xsl:variable name="unit" select="$sentences[1]/.."/>
    <xsl:variable name="first" select="$sentences[1] is $unit/s[1]"/>
    <xsl:variable name="kind" select="if ($unit/self::head) then (if ($unit/@type = 'main' or not($unit/@type)) then 'h2' else 'h3')
                                      else if ($unit/self::byline or $unit/self::p or $unit/self::ab or $unit/self::item) then 'p'
                                      else 'div'"/>
    <xsl:element name="{$kind}">
      <xsl:for-each select="$unit">
        <xsl:call-template name="unit-attributes">
          <xsl:with-param name="class" select="(if (self::byline) then 'byline' else if (self::item) then 'item'
                                                else if ($kind = 'div') then local-name() else (), 'cont'[not($first)])"/>
          <xsl:with-param name="with-id" select="$first"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:if test="$first and $unit/self::item">
        <xsl:variable name="label" select="bt:item-label($unit)"/>
        <xsl:if test="exists($label)">
          <span class="marker">
            <xsl:if test="$label/@xml:lang">
              <xsl:attribute name="lang" select="bt:html-lang($label)"/>
            </xsl:if>
            <xsl:apply-templates select="$label/node()" mode="inline"/>
          </span>
          <xsl:value-of select="substring(bt:item-marker($unit), string-length($label) + 1)"/>
        </xsl:if>
      </xsl:if>
      <xsl:for-each select="$sentences">
        <xsl:variable name="i" select="position()"/>
        <xsl:variable name="prev" select="preceding-sibling::s[1]"/>
        <!-- what stands between two sentences of the unit shown together (white space) -->
        <xsl:choose>
          <xsl:when test="$i = 1"/>
          <xsl:when test="$prev is $sentences[$i - 1]">
            <xsl:apply-templates select="preceding-sibling::node()[not(self::s)][. >> $prev]" mode="inline"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:text> </xsl:text>
          </xsl:otherwise>
        </xsl:choose>
        <span class="s" id="{@xml:id}" tabindex="0">
          <xsl:if test="$links != ''">
            <xsl:attribute name="data-links" select="$links"/>
          </xsl:if>
          <xsl:apply-templates mode="inline"/>
        </span>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>

  <!-- one row per paragraph-level link or ptr (documents without sentence-level alignment) -->
  <xsl:template name="unit-rows">
      <tbody>
        <xsl:for-each select="bt:rows(.)">
          <xsl:call-template name="row">
            <xsl:with-param name="n" select="position()"/>
            <xsl:with-param name="units" select="bt:targets(.)"/>
          </xsl:call-template>
        </xsl:for-each>
        <!-- units that no link mentions (not expected): one unaligned row each, after the others -->
        <xsl:variable name="row-count" select="count(bt:rows(.))"/>
        <xsl:for-each select="bt:unlinked-units(.)">
          <xsl:call-template name="row">
            <xsl:with-param name="n" select="$row-count + position()"/>
            <xsl:with-param name="units" select="."/>
          </xsl:call-template>
        </xsl:for-each>
      </tbody>
  </xsl:template>

  <xsl:template name="row">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:param name="units" as="element()*"/>
    <xsl:variable name="zh" select="$units[bt:side(.) = 'zh']"/>
    <xsl:variable name="en" select="$units[bt:side(.) = 'en']"/>
    <xsl:variable name="unaligned" select="empty($zh) or empty($en)"/>
    <tr id="row-{$n}" class="{if ($unaligned) then 'unaligned' else 'aligned'}">
      <td class="n">
        <span class="rownum">{$n}</span>
        <xsl:if test="$show-cert and self::link/@cert">
          <span class="cert" title="alignment certainty {@cert}">≈ {@cert}</span>
        </xsl:if>
        <xsl:if test="self::link or self::ptr">
          <xsl:for-each select="bt:missing-targets(.)">
            <span class="missing" title="link target not found">? {.}</span>
          </xsl:for-each>
        </xsl:if>
      </td>
      <xsl:call-template name="cell">
        <xsl:with-param name="side" select="'zh'"/>
        <xsl:with-param name="units" select="$zh"/>
      </xsl:call-template>
      <xsl:call-template name="cell">
        <xsl:with-param name="side" select="'en'"/>
        <xsl:with-param name="units" select="$en"/>
      </xsl:call-template>
    </tr>
  </xsl:template>

  <xsl:template name="cell">
    <xsl:param name="side" as="xs:string"/>
    <xsl:param name="units" as="element()*"/>
    <td class="{$side}{if (empty($units)) then ' empty' else ''}" lang="{if ($side = 'zh') then 'zh-Hans' else 'en'}">
      <xsl:choose>
        <xsl:when test="empty($units)">
          <span class="unaligned-mark" lang="en">unaligned</span>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="$units" mode="unit"/>
        </xsl:otherwise>
      </xsl:choose>
    </td>
  </xsl:template>

  <!-- units -->

  <xsl:template match="head" mode="unit">
    <xsl:element name="{if (@type = 'main' or not(@type)) then 'h2' else 'h3'}">
      <xsl:call-template name="unit-attributes"/>
      <xsl:apply-templates mode="inline"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="byline" mode="unit">
    <p>
      <xsl:call-template name="unit-attributes">
        <xsl:with-param name="class" select="'byline'"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"/>
    </p>
  </xsl:template>

  <xsl:template match="p | ab" mode="unit">
    <p>
      <xsl:call-template name="unit-attributes"/>
      <xsl:apply-templates mode="inline"/>
    </p>
  </xsl:template>

  <!-- an item of a bulleted list: a paragraph opening with its marker (the label's text, then
       the space that follows "-" in the source), so that its text reads as the source line -->
  <xsl:template match="item" mode="unit">
    <xsl:variable name="label" select="bt:item-label(.)"/>
    <p>
      <xsl:call-template name="unit-attributes">
        <xsl:with-param name="class" select="'item'"/>
      </xsl:call-template>
      <xsl:if test="exists($label)">
        <span class="marker">
          <xsl:if test="$label/@xml:lang">
            <xsl:attribute name="lang" select="bt:html-lang($label)"/>
          </xsl:if>
          <xsl:apply-templates select="$label/node()" mode="inline"/>
        </span>
        <xsl:value-of select="substring(bt:item-marker(.), string-length($label) + 1)"/>
      </xsl:if>
      <xsl:apply-templates mode="inline"/>
    </p>
  </xsl:template>

  <!-- any other unit: a block holding its content -->
  <xsl:template match="*" mode="unit">
    <div>
      <xsl:call-template name="unit-attributes">
        <xsl:with-param name="class" select="local-name()"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"/>
    </div>
  </xsl:template>

  <!-- id from xml:id, class from @type and @rend 'right', lang when it differs from the cell's -->
  <xsl:template name="unit-attributes">
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="with-id" as="xs:boolean" select="true()"/>
    <xsl:if test="@xml:id and $with-id">
      <xsl:attribute name="id" select="@xml:id"/>
    </xsl:if>
    <xsl:variable name="classes" select="($class, @type ! string(), 'right'[bt:rend(current(), 'right')])"/>
    <xsl:if test="exists($classes)">
      <xsl:attribute name="class" select="string-join($classes, ' ')"/>
    </xsl:if>
    <xsl:if test="@xml:lang and bt:html-lang(.) != (if (bt:side(.) = 'zh') then 'zh-Hans' else 'en')">
      <xsl:attribute name="lang" select="bt:html-lang(.)"/>
    </xsl:if>
  </xsl:template>

  <!-- glossary -->

  <xsl:template match="div" mode="glossary">
    <section class="glossary" lang="en">
      <xsl:if test="@xml:id">
        <xsl:attribute name="id" select="@xml:id"/>
      </xsl:if>
      <xsl:for-each select="list[@type = 'glossary']">
        <h2>
          <xsl:choose>
            <xsl:when test="head">
              <xsl:apply-templates select="head[1]/node()" mode="inline"/>
            </xsl:when>
            <xsl:otherwise>Glossary</xsl:otherwise>
          </xsl:choose>
        </h2>
        <table class="gloss">
          <thead>
            <tr>
              <th scope="col" lang="zh-Hans">中文</th>
              <th scope="col">English</th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="item">
              <tr>
                <xsl:choose>
                  <xsl:when test="term or gloss">
                    <td class="term" lang="{(term/bt:html-lang(.), 'zh-Hans')[1]}">
                      <xsl:apply-templates select="term/node()" mode="inline"/>
                    </td>
                    <td class="gloss" lang="{(gloss/bt:html-lang(.), 'en')[1]}">
                      <xsl:apply-templates select="gloss/node()" mode="inline"/>
                    </td>
                  </xsl:when>
                  <xsl:otherwise>
                    <td colspan="2" lang="{bt:html-lang(.)}">
                      <xsl:apply-templates mode="inline"/>
                    </td>
                  </xsl:otherwise>
                </xsl:choose>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:for-each>
      <!-- a glossary heading that has no entries -->
      <xsl:for-each select="head">
        <h2><xsl:apply-templates mode="inline"/></h2>
      </xsl:for-each>
    </section>
  </xsl:template>

  <!-- the reading view's script: hovering or focusing a sentence (span.s with data-links) gives its
       counterparts the class "hl". The sentence under the pointer and the focused one both count. The
       sentence named by the URL's fragment is focused on load and when the fragment changes. -->
  <xsl:variable name="highlight-script" as="xs:string" expand-text="no"><xsl:text>
(function () {
  "use strict";
  var hovered = null, focused = null;
  function sentence(node) {
    return node &amp;&amp; node.closest ? node.closest(".s[data-links]") : null;
  }
  function update() {
    var on = document.querySelectorAll(".s.hl");
    for (var i = 0; i &lt; on.length; i++) { on[i].classList.remove("hl"); }
    [hovered, focused].forEach(function (s) {
      if (!s) { return; }
      s.getAttribute("data-links").split(" ").forEach(function (id) {
        var c = id ? document.getElementById(id) : null;
        if (c) { c.classList.add("hl"); }
      });
    });
  }
  document.addEventListener("mouseover", function (e) {
    var s = sentence(e.target);
    if (s !== hovered) { hovered = s; update(); }
  });
  document.addEventListener("mouseout", function (e) {
    if (!e.relatedTarget &amp;&amp; hovered) { hovered = null; update(); }
  });
  document.addEventListener("focusin", function (e) { focused = sentence(e.target); update(); });
  document.addEventListener("focusout", function () { focused = null; update(); });
  // a link to a sentence (page.html#zh-p3-s1, as search hits give) focuses it: scrolled to, counterparts highlighted
  function fromHash() {
    var s = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (s &amp;&amp; s.classList.contains("s")) { s.focus({preventScroll: true}); s.scrollIntoView({block: "center"}); }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
  // and again once loaded: the browser's own jump to the fragment comes later and puts the sentence at the top edge
  window.addEventListener("load", fromHash);
}());
</xsl:text></xsl:variable>

  <!-- ================================================================
       inline content (bitext units, metadata, glossary)
       ================================================================ -->

  <xsl:template match="hi" mode="inline">
    <xsl:variable name="bold" select="bt:rend(., 'bold')"/>
    <xsl:variable name="italic" select="bt:rend(., 'italic')"/>
    <xsl:choose>
      <xsl:when test="$bold and $italic">
        <strong><em><xsl:apply-templates mode="inline"/></em></strong>
      </xsl:when>
      <xsl:when test="$bold">
        <strong><xsl:apply-templates mode="inline"/></strong>
      </xsl:when>
      <xsl:when test="$italic">
        <em><xsl:apply-templates mode="inline"/></em>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="span"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="foreign" mode="inline">
    <xsl:call-template name="span">
      <xsl:with-param name="class" select="'foreign'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="seg" mode="inline">
    <xsl:call-template name="span">
      <xsl:with-param name="class" select="string((@type, 'seg')[1])"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="lb" mode="inline">
    <br/>
  </xsl:template>

  <xsl:template match="*" mode="inline">
    <xsl:call-template name="span"/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="inline"/>

  <!-- a span with a class and, when the element has xml:lang, a lang attribute -->
  <xsl:template name="span">
    <xsl:param name="class" as="xs:string" select="local-name()"/>
    <span class="{$class}">
      <xsl:if test="@xml:lang">
        <xsl:attribute name="lang" select="bt:html-lang(.)"/>
      </xsl:if>
      <xsl:apply-templates mode="inline"/>
    </span>
  </xsl:template>

  <!-- ================================================================
       corpus page (teiCorpus): the corpus's header, a table of contents, then each member in
       document order, a nested teiCorpus as a section with its own header and members. A member
       TEI is shown from a copy of it as a document of its own (common/corpus.xsl), as its own page
       shows it: a bitext document as the reading view (panel, switch, parallel table, glossary),
       any other generically, with its date. Each member's HTML ids, those from its xml:ids and
       those the reading view makes (para-1, row-1, bt-show-zh, ...), get the member's number as
       prefix (m1-, m2-1-, ...), and so do the references to them (href="#...", data-links, the
       switch's radio group), so that they stay unique on the page.
       ================================================================ -->

  <xsl:template match="teiCorpus" mode="corpus-page">
    <xsl:variable name="title" select="bt:member-title(.)"/>
    <xsl:variable name="members" as="element()*">
      <xsl:apply-templates select="bt:members(.)" mode="corpus-member"/>
    </xsl:variable>
    <html lang="{(@xml:lang, $ui-lang)[1]}">
      <xsl:call-template name="bt:html-head">
        <xsl:with-param name="title" select="if ($title != '') then $title else 'TEI corpus'"/>
        <xsl:with-param name="css" select="$corpus-css"/>
      </xsl:call-template>
      <body class="corpus">
        <div class="page">
          <xsl:apply-templates select="teiHeader" mode="corpus-panel">
            <xsl:with-param name="heading" select="'h1'"/>
          </xsl:apply-templates>
          <xsl:if test="exists($members)">
            <nav class="toc" aria-label="Contents">
              <h2>Contents</h2>
              <xsl:apply-templates select="." mode="toc"/>
            </nav>
          </xsl:if>
          <main>
            <xsl:sequence select="$members"/>
          </main>
        </div>
        <xsl:if test="exists($members//Q{}table[contains-token(@class, 'by-sentence')])">
          <script>
            <xsl:value-of select="$highlight-script"/>
          </script>
        </xsl:if>
      </body>
    </html>
  </xsl:template>

  <!-- the panel of a corpus: its titles (the first in the heading $heading names), the people of its
       titleStmt, publisher, place and date, how many texts it holds, and its project description -->
  <xsl:template match="teiHeader" mode="corpus-panel">
    <xsl:param name="heading" as="xs:string"/>
    <xsl:variable name="ts" select="fileDesc/titleStmt"/>
    <xsl:variable name="ps" select="fileDesc/publicationStmt"/>
    <xsl:variable name="titles" select="$ts/title[normalize-space(.) != '']"/>
    <xsl:variable name="first" select="($titles[@type = 'main'], $titles[not(@type)], $titles)[1]"/>
    <header class="panel">
      <xsl:element name="{$heading}">
        <xsl:if test="$first/@xml:lang">
          <xsl:attribute name="lang" select="bt:html-lang($first)"/>
        </xsl:if>
        <xsl:apply-templates select="$first/node()" mode="inline"/>
      </xsl:element>
      <xsl:for-each select="$titles except $first">
        <p class="title-en">
          <xsl:if test="@xml:lang">
            <xsl:attribute name="lang" select="bt:html-lang(.)"/>
          </xsl:if>
          <xsl:apply-templates mode="inline"/>
        </p>
      </xsl:for-each>
      <dl class="meta">
        <xsl:for-each-group select="$ts/(author | editor)[normalize-space(.) != '']" group-by="local-name()">
          <dt>{if (current-grouping-key() = 'author') then 'Author' else 'Editor'}</dt>
          <dd>
            <xsl:for-each select="current-group()">
              <xsl:if test="position() gt 1"><span class="sep">·</span></xsl:if>
              <xsl:call-template name="span"/>
            </xsl:for-each>
          </dd>
        </xsl:for-each-group>
        <xsl:for-each select="$ts/respStmt[normalize-space(.) != '']">
          <dt>{(resp ! bt:normalize(., true()), 'Responsibility')[. != ''][1]}</dt>
          <dd>
            <xsl:for-each select="* except resp">
              <xsl:if test="position() gt 1"><span class="sep">·</span></xsl:if>
              <xsl:call-template name="span"/>
            </xsl:for-each>
          </dd>
        </xsl:for-each>
        <xsl:for-each-group select="$ps/(publisher | distributor | authority | pubPlace)[normalize-space(.) != '']"
                            group-by="if (self::pubPlace) then 'Place' else 'Publisher'">
          <dt>{current-grouping-key()}</dt>
          <dd>
            <xsl:for-each select="current-group()">
              <xsl:if test="position() gt 1"><span class="sep">·</span></xsl:if>
              <xsl:call-template name="span"/>
            </xsl:for-each>
          </dd>
        </xsl:for-each-group>
        <xsl:for-each select="$ps/date[@when or normalize-space(.) != ''][1]">
          <dt>Date</dt>
          <dd><xsl:apply-templates select="." mode="date"/></dd>
        </xsl:for-each>
        <dt>Texts</dt>
        <dd>{count(../descendant::TEI)}</dd>
      </dl>
      <xsl:for-each select="encodingDesc/projectDesc/p[normalize-space(.) != '']">
        <p class="about">
          <xsl:if test="@xml:lang">
            <xsl:attribute name="lang" select="bt:html-lang(.)"/>
          </xsl:if>
          <xsl:apply-templates mode="inline"/>
        </p>
      </xsl:for-each>
    </header>
  </xsl:template>

  <!-- the table of contents: a link to each member by its title, a nested corpus with a list of its own -->
  <xsl:template match="teiCorpus" mode="toc">
    <ol>
      <xsl:for-each select="bt:members(.)">
        <xsl:variable name="title" select="bt:member-title(.)"/>
        <li>
          <a href="#m{bt:member-number(., '-')}">{if ($title != '') then $title else '(untitled)'}</a>
          <xsl:apply-templates select="self::teiCorpus" mode="toc"/>
        </li>
      </xsl:for-each>
    </ol>
  </xsl:template>

  <!-- a nested corpus: a section with its panel, then its members -->
  <xsl:template match="teiCorpus" mode="corpus-member">
    <xsl:variable name="depth" select="count(bt:member-path(.))"/>
    <section id="m{bt:member-number(., '-')}" class="part">
      <xsl:apply-templates select="teiHeader" mode="corpus-panel">
        <xsl:with-param name="heading" select="'h' || min((6, $depth + 1))"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="bt:members(.)" mode="corpus-member"/>
    </section>
  </xsl:template>

  <!-- a member TEI: an article with the member's number as id, holding what its own page would
       show, every id in it prefixed with that number; the title one heading level below its corpus's -->
  <xsl:template match="TEI" mode="corpus-member">
    <xsl:variable name="id" select="'m' || bt:member-number(., '-')"/>
    <xsl:variable name="depth" select="count(bt:member-path(.))"/>
    <xsl:variable name="heading" select="'h' || min((6, $depth + 1))"/>
    <xsl:variable name="member" select="bt:member-document(.)/TEI"/>
    <xsl:variable name="bitext" select="bt:is-bitext($member)"/>
    <xsl:variable name="content" as="element()*">
      <xsl:for-each select="$member">
        <xsl:choose>
          <xsl:when test="$bitext">
            <xsl:apply-templates select="teiHeader" mode="bitext-panel">
              <xsl:with-param name="heading" select="$heading"/>
            </xsl:apply-templates>
            <div class="reading">
              <xsl:call-template name="reading-view"/>
            </div>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="generic-panel">
              <xsl:with-param name="heading" select="$heading"/>
              <xsl:with-param name="with-date" select="true()"/>
            </xsl:call-template>
            <div class="member-text">
              <xsl:apply-templates select="text" mode="generic">
                <xsl:with-param name="heading-offset" select="$depth" tunnel="yes"/>
              </xsl:apply-templates>
            </div>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <article id="{$id}" class="member {if ($bitext) then 'bitext' else 'generic'}">
      <xsl:if test="not($bitext) and exists(($member/@xml:lang, $member/text/@xml:lang))">
        <xsl:attribute name="lang" select="($member/@xml:lang, $member/text/@xml:lang)[1]"/>
      </xsl:if>
      <xsl:apply-templates select="$content" mode="member-ids">
        <xsl:with-param name="prefix" select="$id || '-'" tunnel="yes"/>
      </xsl:apply-templates>
    </article>
  </xsl:template>

  <!-- a member's HTML as made, except that every id, and every reference to one, gets the member's prefix -->
  <xsl:mode name="member-ids" on-no-match="shallow-copy"/>

  <xsl:template match="@id | Q{}input/@name" mode="member-ids">
    <xsl:param name="prefix" as="xs:string" tunnel="yes"/>
    <xsl:attribute name="{local-name()}" select="$prefix || ."/>
  </xsl:template>

  <xsl:template match="@href[starts-with(., '#')][string-length(.) gt 1]" mode="member-ids">
    <xsl:param name="prefix" as="xs:string" tunnel="yes"/>
    <xsl:attribute name="href" select="'#' || $prefix || substring(., 2)"/>
  </xsl:template>

  <!-- attributes holding a list of ids -->
  <xsl:template match="@data-links | @for | @headers | @aria-labelledby | @aria-describedby | @aria-controls"
                mode="member-ids">
    <xsl:param name="prefix" as="xs:string" tunnel="yes"/>
    <xsl:attribute name="{local-name()}" select="string-join(tokenize(normalize-space(.), ' ') ! ($prefix || .), ' ')"/>
  </xsl:template>

  <!-- what a corpus page adds to the common style: the table of contents, the members and nested
       corpora, and the language switch of each reading view (its radio buttons' ids are prefixed, so
       the common rules, which name them, do not apply) -->
  <xsl:variable name="corpus-css" as="xs:string" expand-text="no"><xsl:text>
.toc { background: var(--paper); border: 1px solid var(--rule); border-radius: 3px; padding: .7rem 1.25rem; margin: 0 0 1.25rem; }
.toc h2 { margin: 0 0 .3rem; font-size: .78rem; font-weight: normal; color: var(--muted); letter-spacing: .05em;
  text-transform: uppercase; }
.toc ol { margin: 0; padding-left: 1.6rem; }
.corpus main > .member, .corpus main > .part, .part > .member, .part > .part { margin: 0 0 2.5rem; }
.part { padding-left: 1rem; border-left: 3px solid var(--rule); }
.part > .panel { border-top-color: var(--rule-strong); }
.corpus .panel :is(h2, h3, h4, h5, h6) { font-size: 1.45rem; margin: 0 0 .2rem; }
.corpus .panel .about { margin: .7rem 0 0; }
.member-text { background: var(--paper); border: 1px solid var(--rule); padding: .5rem 1.25rem 1rem; }
.member:has(.switch input[value=zh]:checked) .parallel :is(th.en, td.en, col.c-en),
.member:has(.switch input[value=en]:checked) .parallel :is(th.zh, td.zh, col.c-en) { display: none; }
.member:has(.switch input[value=zh]:checked) .parallel td.zh, .member:has(.switch input[value=en]:checked) .parallel td.en { border-right: 0; }
.member:has(.switch input[value=zh]:checked) .parallel td.zh > *, .member:has(.switch input[value=en]:checked) .parallel td.en > * { max-width: 46rem; }
@media print {
  .toc { display: none; }
  .part { padding-left: 0; border-left: 0; }
  .member { break-before: page; page-break-before: always; }
}
</xsl:text></xsl:variable>

  <!-- ================================================================
       generic page (foreign TEI): headings, paragraphs, lists, lg/l, tables;
       any other element renders its children, so that all text appears
       ================================================================ -->

  <xsl:template match="*" mode="generic-page">
    <xsl:variable name="title" select="bt:doc-title(.)"/>
    <html lang="{(@xml:lang, text/@xml:lang, $ui-lang)[1]}">
      <xsl:call-template name="bt:html-head">
        <xsl:with-param name="title" select="if ($title != '') then $title else 'TEI document'"/>
      </xsl:call-template>
      <body class="generic">
        <div class="page">
          <xsl:call-template name="generic-panel"/>
          <main>
            <xsl:apply-templates select="text" mode="generic"/>
          </main>
        </div>
      </body>
    </html>
  </xsl:template>

  <!-- the panel of a foreign document: its title in an h1 (or in the heading $heading names), its
       other titles, authors and editors; with $with-date (a member of a corpus) its date too.
       Context: the TEI element -->
  <xsl:template name="generic-panel">
    <xsl:param name="heading" as="xs:string" select="'h1'"/>
    <xsl:param name="with-date" as="xs:boolean" select="false()"/>
    <xsl:variable name="title" select="bt:doc-title(.)"/>
    <xsl:variable name="ts" select="teiHeader/fileDesc/titleStmt"/>
    <header class="panel">
      <xsl:element name="{$heading}">
        <xsl:if test="$ts/title[1]/@xml:lang">
          <xsl:attribute name="lang" select="bt:html-lang($ts/title[1])"/>
        </xsl:if>
        <xsl:value-of select="$title"/>
      </xsl:element>
      <xsl:variable name="more" select="$ts/title[normalize-space(.) != ''][bt:normalize(., true()) != $title]"/>
      <xsl:for-each select="$more">
        <p class="title-en">
          <xsl:if test="@xml:lang">
            <xsl:attribute name="lang" select="bt:html-lang(.)"/>
          </xsl:if>
          <xsl:apply-templates mode="inline"/>
        </p>
      </xsl:for-each>
      <xsl:variable name="people" select="$ts/(author | editor)[normalize-space(.) != '']"/>
      <xsl:variable name="date" select="(bt:bibl(.)/date, teiHeader/fileDesc/publicationStmt/date)
                                        [$with-date][@when or normalize-space(.) != ''][1]"/>
      <xsl:if test="exists($people) or exists($date)">
        <dl class="meta">
          <xsl:for-each-group select="$people" group-by="local-name()">
            <dt>{if (current-grouping-key() = 'author') then 'Author' else 'Editor'}</dt>
            <dd>
              <xsl:for-each select="current-group()">
                <xsl:if test="position() gt 1"><span class="sep">·</span></xsl:if>
                <xsl:call-template name="span"/>
              </xsl:for-each>
            </dd>
          </xsl:for-each-group>
          <xsl:if test="exists($date)">
            <dt>Date</dt>
            <dd><xsl:apply-templates select="$date" mode="date"/></dd>
          </xsl:if>
        </dl>
      </xsl:if>
    </header>
  </xsl:template>

  <!-- a date of a header as a time element: its text (else its @when), @when as the datetime -->
  <xsl:template match="date" mode="date">
    <time>
      <xsl:if test="@when">
        <xsl:attribute name="datetime" select="@when"/>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="normalize-space(.) != ''">
          <xsl:apply-templates mode="inline"/>
        </xsl:when>
        <xsl:otherwise>{@when}</xsl:otherwise>
      </xsl:choose>
    </time>
  </xsl:template>

  <!-- the id and lang attributes every generic block or span carries -->
  <xsl:template name="generic-attributes">
    <xsl:param name="class" as="xs:string?" select="()"/>
    <xsl:if test="@xml:id">
      <xsl:attribute name="id" select="@xml:id"/>
    </xsl:if>
    <xsl:if test="@xml:lang">
      <xsl:attribute name="lang" select="bt:html-lang(.)"/>
    </xsl:if>
    <xsl:variable name="classes" select="($class, @type ! string(), @rend ! tokenize(normalize-space(.), ' '))"/>
    <xsl:if test="exists($classes)">
      <xsl:attribute name="class" select="string-join(distinct-values($classes), ' ')"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="text | front | body | back | group | div | div1 | div2 | div3 | div4 | div5 | div6 | div7"
                mode="generic">
    <section>
      <xsl:call-template name="generic-attributes">
        <xsl:with-param name="class" select="local-name()"/>
      </xsl:call-template>
      <xsl:apply-templates mode="generic"/>
    </section>
  </xsl:template>

  <!-- a heading: h2 for the text's own, one level more for each div it is in; in a member of a
       corpus $heading-offset more (the member's title is above them) -->
  <xsl:template match="head" mode="generic">
    <xsl:param name="heading-offset" as="xs:integer" select="0" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="parent::*[self::text or self::front or self::body or self::back or self::group
                                or starts-with(local-name(), 'div') or self::lg]">
        <xsl:variable name="level" select="min((6, count(ancestor::*[starts-with(local-name(), 'div')]) + 1))"/>
        <xsl:element name="h{min((6, max(($level, 2)) + $heading-offset))}">
          <xsl:call-template name="generic-attributes"/>
          <xsl:apply-templates mode="generic"/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <p>
          <xsl:call-template name="generic-attributes">
            <xsl:with-param name="class" select="'head'"/>
          </xsl:call-template>
          <strong><xsl:apply-templates mode="generic"/></strong>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- paragraphs: p in HTML unless they hold blocks (HTML p cannot) -->
  <xsl:template match="p | ab | byline | dateline | opener | closer | salute | signed | trailer | argument
                       | epigraph | postscript | docTitle | titlePart | docAuthor | docImprint | docDate | figDesc"
                mode="generic">
    <xsl:element name="{if (*[bt:is-blocky(.)]) then 'div' else 'p'}">
      <xsl:call-template name="generic-attributes">
        <xsl:with-param name="class" select="local-name()[. != 'p']"/>
      </xsl:call-template>
      <xsl:apply-templates mode="generic"/>
    </xsl:element>
  </xsl:template>

  <!-- lists: ul/ol of li; a gloss list (label + item) as dl -->
  <xsl:template match="list" mode="generic">
    <xsl:apply-templates select="head" mode="generic"/>
    <xsl:choose>
      <xsl:when test="label">
        <dl>
          <xsl:call-template name="generic-attributes"/>
          <xsl:for-each select="(* except head)[bt:has-content(.)]">
            <xsl:element name="{if (self::label) then 'dt' else 'dd'}">
              <xsl:apply-templates select="." mode="generic-list-item"/>
            </xsl:element>
          </xsl:for-each>
        </dl>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="{if (matches(@type || ' ' || @rend, 'ordered|numbered')) then 'ol' else 'ul'}">
          <xsl:call-template name="generic-attributes"/>
          <xsl:for-each select="(* except head)[bt:has-content(.)]">
            <li>
              <xsl:apply-templates select="." mode="generic-list-item"/>
            </li>
          </xsl:for-each>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- listBibl, listApp, listPerson, ...: every child a list item -->
  <xsl:template match="*[starts-with(local-name(), 'list') and not(self::list)]" mode="generic">
    <xsl:apply-templates select="head" mode="generic"/>
    <ul>
      <xsl:call-template name="generic-attributes">
        <xsl:with-param name="class" select="local-name()"/>
      </xsl:call-template>
      <xsl:for-each select="(* except head)[bt:has-content(.)]">
        <li>
          <xsl:apply-templates select="." mode="generic-list-item"/>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- inside an li/dt/dd: item and label show their content, anything else renders itself -->
  <xsl:template match="item | label" mode="generic-list-item">
    <xsl:call-template name="generic-attributes"/>
    <xsl:apply-templates mode="generic"/>
  </xsl:template>
  <xsl:template match="*" mode="generic-list-item">
    <xsl:apply-templates select="." mode="generic"/>
  </xsl:template>

  <!-- verse -->
  <xsl:template match="lg" mode="generic">
    <div>
      <xsl:call-template name="generic-attributes">
        <xsl:with-param name="class" select="'lg'"/>
      </xsl:call-template>
      <xsl:apply-templates mode="generic"/>
    </div>
  </xsl:template>

  <xsl:template match="l" mode="generic">
    <div>
      <xsl:call-template name="generic-attributes">
        <xsl:with-param name="class" select="'l'"/>
      </xsl:call-template>
      <xsl:apply-templates mode="generic"/>
    </div>
  </xsl:template>

  <!-- tables -->
  <xsl:template match="table" mode="generic">
    <table>
      <xsl:call-template name="generic-attributes"/>
      <xsl:for-each select="head">
        <caption>
          <xsl:apply-templates mode="generic"/>
        </caption>
      </xsl:for-each>
      <tbody>
        <xsl:for-each select="(* except head)[bt:has-content(.)]">
          <xsl:choose>
            <xsl:when test="self::row">
              <tr>
                <xsl:call-template name="generic-attributes"/>
                <xsl:for-each select="*">
                  <xsl:element name="{if (../@role = 'label' or @role = 'label') then 'th' else 'td'}">
                    <xsl:if test="@cols"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
                    <xsl:if test="@rows"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
                    <xsl:apply-templates select="." mode="generic-list-item"/>
                  </xsl:element>
                </xsl:for-each>
              </tr>
            </xsl:when>
            <xsl:otherwise>
              <tr><td><xsl:apply-templates select="." mode="generic"/></td></tr>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>
  <xsl:template match="cell" mode="generic-list-item">
    <xsl:call-template name="generic-attributes"/>
    <xsl:apply-templates mode="generic"/>
  </xsl:template>

  <!-- figures: the image itself is not loaded (no external resources) -->
  <xsl:template match="figure" mode="generic">
    <figure>
      <xsl:call-template name="generic-attributes"/>
      <xsl:apply-templates select="* except head" mode="generic"/>
      <xsl:for-each select="head">
        <figcaption>
          <xsl:apply-templates mode="generic"/>
        </figcaption>
      </xsl:for-each>
    </figure>
  </xsl:template>

  <xsl:template match="graphic" mode="generic">
    <span class="graphic">[image: {@url}]</span>
  </xsl:template>

  <!-- inline phrases -->
  <xsl:template match="hi" mode="generic">
    <xsl:variable name="r" select="tokenize(normalize-space(@rend), ' ')"/>
    <xsl:element name="{if ($r = ('bold', 'b', 'strong')) then 'strong'
                        else if ($r = ('italic', 'i', 'italics')) then 'em'
                        else if ($r = ('sup', 'superscript')) then 'sup'
                        else if ($r = ('sub', 'subscript')) then 'sub'
                        else if ($r = ('underline', 'u')) then 'u'
                        else 'span'}">
      <xsl:call-template name="generic-attributes"/>
      <xsl:apply-templates mode="generic"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="emph" mode="generic">
    <em>
      <xsl:call-template name="generic-attributes"/>
      <xsl:apply-templates mode="generic"/>
    </em>
  </xsl:template>

  <!-- a line break, except before the first text of its parent (EpiDoc's leading lb) -->
  <xsl:template match="lb" mode="generic">
    <xsl:if test="preceding-sibling::node()[self::* or normalize-space(.) != '']">
      <br/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="ref[@target] | ptr[@target]" mode="generic">
    <xsl:variable name="href" select="normalize-space(tokenize(normalize-space(@target), ' ')[1])"/>
    <xsl:variable name="safe" select="matches($href, '^(#|https?:|mailto:|[^:]*$)')"/>
    <xsl:element name="{if ($safe) then 'a' else 'span'}">
      <xsl:if test="$safe">
        <xsl:attribute name="href" select="$href"/>
      </xsl:if>
      <xsl:call-template name="generic-attributes">
        <xsl:with-param name="class" select="local-name()"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="self::ptr">{$href}</xsl:when>
        <xsl:otherwise><xsl:apply-templates mode="generic"/></xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>

  <!-- generated divisions and other content-less elements -->
  <xsl:template match="divGen" mode="generic"/>

  <!-- anything else: its children, in a div when it holds blocks, else in a span -->
  <xsl:template match="*" mode="generic">
    <xsl:element name="{if (bt:is-blocky(.)) then 'div' else 'span'}">
      <xsl:call-template name="generic-attributes">
        <xsl:with-param name="class" select="local-name()"/>
      </xsl:call-template>
      <xsl:apply-templates mode="generic"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="generic"/>

  <!-- ================================================================ -->

  <!-- false for an element with neither text nor a graphic (e.g. an empty bibl in a listBibl) -->
  <xsl:function name="bt:has-content" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="normalize-space($el) != '' or exists($el/descendant-or-self::graphic)"/>
  </xsl:function>

  <!-- an HTML lang value for an element: its xml:lang in force ('' when none) -->
  <xsl:function name="bt:html-lang" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="bt:lang($el)"/>
  </xsl:function>

</xsl:stylesheet>
