<?xml version="1.0" encoding="UTF-8"?>
<!--
  bitext: the `source` rendering. Rebuilds the layout of the bilingual transcription file
  (English header, English body, glossary, separator, Chinese header, Chinese body)
  from the TEI alone. Entry point: the document node (default mode). Output: UTF-8 text,
  one line per "\n", never two blank lines in a row, exactly one "\n" after the last line.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:bt="urn:bitext:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    expand-text="yes"
    exclude-result-prefixes="#all">

  <xsl:import href="common/common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:variable name="lines" as="xs:string*">
      <xsl:apply-templates select="TEI" mode="source"/>
    </xsl:variable>
    <xsl:variable name="clean" select="bt:clean-lines($lines)"/>
    <xsl:value-of select="string-join($clean ! (. || '&#10;'))"/>
  </xsl:template>

  <!-- the lines of the whole file; '' = a blank line -->
  <xsl:template match="TEI" mode="source" as="xs:string*">
    <xsl:variable name="bibl" select="bt:bibl(.)"/>
    <xsl:variable name="date" select="string(($bibl/date/@when, $bibl/date)[1])"/>

    <!-- English header -->
    <xsl:sequence select="bt:header-line($bibl, 'title', bt:field('Title', ($bibl/title[@level = 'a'][lang('en')])[1]))"/>
    <xsl:sequence select="bt:blank-if($bibl, 'blank-after-title')"/>
    <xsl:sequence select="bt:header-line($bibl, 'author', bt:field('Author', ($bibl/author[lang('en')])[1]))"/>
    <xsl:sequence select="bt:blank-if($bibl, 'blank-after-author')"/>
    <xsl:sequence select="bt:header-line($bibl, 'date', bt:field('Date', $date))"/>
    <xsl:sequence select="bt:blank-if($bibl, 'blank-after-date')"/>
    <xsl:sequence select="bt:header-line($bibl, 'page',
        bt:en-page-line(($bibl/biblScope[@unit = 'page'][lang('en')], $bibl/biblScope[lang('en')])[1]))"/>
    <xsl:sequence select="bt:blank-if($bibl, 'blank-after-page')"/>
    <xsl:for-each select="($bibl/note[@type = 'column'][lang('en')])[1]">
      <xsl:sequence select="bt:line-text(.)"/>
      <xsl:sequence select="bt:blank-if($bibl, 'blank-after-column')"/>
    </xsl:for-each>

    <!-- English body, then the glossary -->
    <xsl:apply-templates select="bt:en-div(.)/*" mode="source"/>
    <xsl:for-each select="text/back/div[@type = 'glossary']/list[@type = 'glossary']">
      <xsl:sequence select="bt:blank-if(., 'blank-before')"/>
      <xsl:apply-templates select="*" mode="source"/>
    </xsl:for-each>
    <!-- a glossary heading without entries -->
    <xsl:apply-templates select="text/back/div[@type = 'glossary']/head" mode="source"/>

    <!-- separator block -->
    <xsl:sequence select="bt:blank-if($bibl, 'blank-before-hr')"/>
    <xsl:sequence select="'&lt;hr /&gt;'"/>
    <xsl:sequence select="bt:blank-if($bibl, 'blank-after-hr')"/>
    <xsl:sequence select="'Original:'"/>
    <xsl:sequence select="bt:blank-if($bibl, 'blank-after-original')"/>

    <!-- Chinese header: five positional lines -->
    <xsl:sequence select="bt:header-line($bibl, 'zh-title',
        '### ' || bt:line-text(($bibl/title[@level = 'a'][lang('zh')])[1]))"/>
    <xsl:sequence select="bt:blank-if($bibl, 'blank-after-zh-title')"/>
    <xsl:sequence select="bt:line-text(($bibl/author[lang('zh')])[1])"/>
    <xsl:sequence select="bt:blank-if($bibl, 'blank-after-zh-author')"/>
    <xsl:sequence select="bt:header-line($bibl, 'zh-date', $date)"/>
    <xsl:sequence select="bt:blank-if($bibl, 'blank-after-zh-date')"/>
    <xsl:sequence select="bt:header-line($bibl, 'zh-page',
        bt:line-text(($bibl/biblScope[@unit = 'page'][lang('zh')], $bibl/biblScope[lang('zh')])[1])
        || '(' || bt:line-text(($bibl/note[@type = 'section'][lang('zh')])[1]) || ')')"/>
    <xsl:sequence select="bt:blank-if($bibl, 'blank-after-zh-page')"/>
    <xsl:sequence select="bt:header-line($bibl, 'zh-column',
        '专栏：' || bt:line-text(($bibl/note[@type = 'column'][lang('zh')])[1]))"/>
    <xsl:sequence select="bt:blank-if($bibl, 'blank-after-zh-column')"/>

    <!-- Chinese body -->
    <xsl:apply-templates select="bt:zh-div(.)/*" mode="source"/>
  </xsl:template>

  <!-- one line element (head, byline, p, glossary head and item, anything else): its text,
       preceded by a blank line when @rend has blank-before -->
  <xsl:template match="*" mode="source" as="xs:string*">
    <xsl:sequence select="bt:blank-if(., 'blank-before')"/>
    <xsl:sequence select="bt:line-text(.)"/>
  </xsl:template>

  <!-- a bulleted list: one line per item, its label (the marker, verbatim), one space after
       "-" (none after "▲"), then the item's text verbatim (leading spaces included) -->
  <xsl:template match="list[@type = 'bulleted']" mode="source" as="xs:string*">
    <xsl:sequence select="bt:blank-if(., 'blank-before')"/>
    <xsl:for-each select="item">
      <xsl:sequence select="bt:blank-if(., 'blank-before')"/>
      <xsl:sequence select="bt:item-marker(.) || bt:line-text(.)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- one header line: none when @rend says the source has no such line (no-SLOT-line), the
       line kept verbatim when there is one (note type="verbatim" subtype="SLOT"), else $line -->
  <xsl:function name="bt:header-line" as="xs:string?">
    <xsl:param name="bibl" as="element()?"/>
    <xsl:param name="slot" as="xs:string"/>
    <xsl:param name="line" as="xs:string"/>
    <xsl:variable name="verbatim" select="$bibl/note[@type = 'verbatim'][@subtype = $slot][1]"/>
    <xsl:sequence select="if (bt:rend($bibl, 'no-' || $slot || '-line')) then ()
                          else if ($verbatim) then string($verbatim)
                          else $line"/>
  </xsl:function>

  <!-- "Label: value", or just "Label:" when the value is empty -->
  <xsl:function name="bt:field" as="xs:string">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="value" as="item()?"/>
    <xsl:variable name="v" select="if ($value instance of element()) then bt:line-text($value) else string($value)"/>
    <xsl:sequence select="if (normalize-space($v) = '') then $label || ':' else $label || ': ' || $v"/>
  </xsl:function>

  <!-- "Page 2" -> "Page: 2", "Edition 2" -> "Edition: 2" (label word and number from the text;
       @n when the text has no number) -->
  <xsl:function name="bt:en-page-line" as="xs:string">
    <xsl:param name="scope" as="element()?"/>
    <xsl:variable name="t" select="normalize-space(bt:line-text($scope))"/>
    <xsl:variable name="label" select="if (contains($t, ' ')) then substring-before($t, ' ')
                                       else if ($t != '' and not(matches($t, '^\d'))) then $t else 'Page'"/>
    <xsl:variable name="rest" select="if (contains($t, ' ')) then substring-after($t, ' ')
                                      else if (matches($t, '^\d')) then $t else ''"/>
    <xsl:variable name="number" select="string(($rest[. != ''], $scope/@n)[1])"/>
    <xsl:sequence select="bt:field(replace($label, ':$', ''), $number)"/>
  </xsl:function>

  <!-- one blank line when $el/@rend has $token -->
  <xsl:function name="bt:blank-if" as="xs:string?">
    <xsl:param name="el" as="element()?"/>
    <xsl:param name="token" as="xs:string"/>
    <xsl:sequence select="if (bt:rend($el, $token)) then '' else ()"/>
  </xsl:function>

  <!-- white-space-only lines become blank; no blank line first, last or twice in a row -->
  <xsl:function name="bt:clean-lines" as="xs:string*">
    <xsl:param name="lines" as="xs:string*"/>
    <xsl:variable name="l" select="$lines ! (if (matches(., '^\s*$')) then '' else .)"/>
    <xsl:variable name="non-blank" select="index-of($l ! (. != ''), true())"/>
    <xsl:sequence select="
        if (empty($non-blank)) then ()
        else for $i in $non-blank[1] to $non-blank[last()]
             return $l[$i][not(. = '' and $l[$i - 1] = '')]"/>
  </xsl:function>

</xsl:stylesheet>
