<?xml version="1.0" encoding="UTF-8"?>
<!--
  bitext: functions shared by every output stylesheet.
  Namespace of the functions: urn:bitext:functions (prefix bt), never written to an output.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    xmlns:bt="urn:bitext:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:include href="params.xsl"/>

  <!-- every element with an xml:id, by its id -->
  <xsl:key name="id" match="*[@xml:id]" use="string(@xml:id)"/>

  <!-- ================================================================
       Document shape
       ================================================================ -->

  <!-- the paragraph-level translation linkGrp of the document holding $n: subtype 'paragraph', or
       no subtype (documents made before sentences were aligned); empty for foreign TEI -->
  <xsl:function name="bt:link-group" as="element(linkGrp)?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="(bt:stand-off($n)/linkGrp[@type = 'translation'][not(@subtype) or @subtype = 'paragraph'])[1]"/>
  </xsl:function>

  <!-- the sentence-level translation linkGrp (subtype 'sentence'), when the document has one -->
  <xsl:function name="bt:sentence-group" as="element(linkGrp)?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="(bt:stand-off($n)/linkGrp[@type = 'translation'][@subtype = 'sentence'])[1]"/>
  </xsl:function>

  <!-- the standOff elements of the document holding $n: those of its TEI root, looked up directly (these functions
       are called for every row; a search of the whole document each time made rendering quadratic), else any -->
  <xsl:function name="bt:stand-off" as="element(standOff)*">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="direct" select="root($n)/TEI/standOff"/>
    <xsl:sequence select="if (exists($direct)) then $direct else root($n)//standOff"/>
  </xsl:function>

  <!-- true for a bitext document: it has a translation linkGrp -->
  <xsl:function name="bt:is-bitext" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="exists(bt:link-group($n))"/>
  </xsl:function>

  <xsl:function name="bt:zh-div" as="element(div)?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="(bt:body($n)/div[@type = 'original'])[1]"/>
  </xsl:function>

  <xsl:function name="bt:en-div" as="element(div)?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="(bt:body($n)/div[@type = 'translation'])[1]"/>
  </xsl:function>

  <!-- the text/body elements of the document holding $n: that of its TEI root directly, else any -->
  <xsl:function name="bt:body" as="element(body)*">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="direct" select="root($n)/TEI/text/body"/>
    <xsl:sequence select="if (exists($direct)) then $direct else root($n)//text/body"/>
  </xsl:function>

  <!-- the alignment units of one side, in document order: the children of its div, except
       that a (bulleted) list stands for its items -->
  <xsl:function name="bt:units" as="element()*">
    <xsl:param name="n" as="node()"/>
    <xsl:param name="side" as="xs:string"/>
    <xsl:sequence select="(if ($side = 'zh') then bt:zh-div($n) else bt:en-div($n))
                          /(*[not(self::list)] | list/item)"/>
  </xsl:function>

  <!-- the label of an item of a label/item list: its preceding sibling, when that is a label -->
  <xsl:function name="bt:item-label" as="element(label)?">
    <xsl:param name="item" as="element()"/>
    <xsl:sequence select="$item/preceding-sibling::*[1][self::label]"/>
  </xsl:function>

  <!-- what opens the source line of a bulleted item: its label verbatim, then one space
       after "-" (none after "▲" or any other marker); '' for an item without label -->
  <xsl:function name="bt:item-marker" as="xs:string">
    <xsl:param name="item" as="element()"/>
    <xsl:variable name="label" select="bt:item-label($item)"/>
    <xsl:sequence select="if (empty($label)) then ''
                          else string($label) || (if (string($label) = '-') then ' ' else '')"/>
  </xsl:function>

  <!-- the sourceDesc/bibl holding the verbatim bibliographic fields -->
  <xsl:function name="bt:bibl" as="element(bibl)?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="(root($n)/TEI/teiHeader/fileDesc/sourceDesc/bibl)[1]"/>
  </xsl:function>

  <!-- ================================================================
       Links and ids
       ================================================================ -->

  <!-- the id named by one pointer token: '#zh-p1' -> 'zh-p1', 'file.xml#x' -> 'x' -->
  <xsl:function name="bt:token-id" as="xs:string">
    <xsl:param name="token" as="xs:string"/>
    <xsl:sequence select="if (starts-with($token, '#')) then substring($token, 2)
                          else if (contains($token, '#')) then replace($token, '^.*#', '') else $token"/>
  </xsl:function>

  <!-- the element with xml:id $id in the document holding $n -->
  <xsl:function name="bt:by-id" as="element()?">
    <xsl:param name="n" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="key('id', $id, root($n))[1]"/>
  </xsl:function>

  <!-- the elements that a link's or ptr's @target points to, in token order -->
  <xsl:function name="bt:targets" as="element()*">
    <xsl:param name="link" as="element()"/>
    <xsl:sequence select="for $t in tokenize(normalize-space($link/@target), ' ')
                          return bt:by-id($link, bt:token-id($t))"/>
  </xsl:function>

  <!-- the @target tokens of a link or ptr that point to no element -->
  <xsl:function name="bt:missing-targets" as="xs:string*">
    <xsl:param name="link" as="element()"/>
    <xsl:sequence select="tokenize(normalize-space($link/@target), ' ')
                          [empty(bt:by-id($link, bt:token-id(.)))]"/>
  </xsl:function>

  <!-- the side of a unit: 'zh' (inside the original), 'en' (inside the translation);
       otherwise guessed from the id prefix, then from the language -->
  <xsl:function name="bt:side" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="
        if ($el/ancestor-or-self::div[@type = 'original']) then 'zh'
        else if ($el/ancestor-or-self::div[@type = 'translation']) then 'en'
        else if (starts-with($el/@xml:id, 'zh')) then 'zh'
        else if (starts-with($el/@xml:id, 'en')) then 'en'
        else if (starts-with(lower-case(bt:lang($el)), 'zh')) then 'zh'
        else 'en'"/>
  </xsl:function>

  <!-- the alignment rows, in link order: each link and each ptr[@type='unaligned'] -->
  <xsl:function name="bt:rows" as="element()*">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="bt:link-group($n)/*[self::link or self::ptr]"/>
  </xsl:function>

  <!-- ================================================================
       Sentences (s inside the units, aligned by the sentence-level linkGrp)
       ================================================================ -->

  <!-- the link or ptr of a sentence-level linkGrp naming a sentence id; of a paragraph-level one naming a unit id -->
  <xsl:key name="bt:s-row" match="linkGrp[@type = 'translation'][@subtype = 'sentence']/link
                                  | linkGrp[@type = 'translation'][@subtype = 'sentence']/ptr"
           use="tokenize(normalize-space(@target), ' ') ! bt:token-id(.)"/>
  <xsl:key name="bt:p-row" match="linkGrp[@type = 'translation'][not(@subtype) or @subtype = 'paragraph']/link
                                  | linkGrp[@type = 'translation'][not(@subtype) or @subtype = 'paragraph']/ptr"
           use="tokenize(normalize-space(@target), ' ') ! bt:token-id(.)"/>

  <!-- true when a unit can be shown sentence by sentence without losing anything: it has sentences with ids,
       and all its text is inside them (only white space, comments or processing instructions between) -->
  <xsl:function name="bt:sentence-ready" as="xs:boolean">
    <xsl:param name="unit" as="element()"/>
    <xsl:sequence select="exists($unit/s) and (every $s in $unit/s satisfies $s/@xml:id)
                          and empty($unit/*[not(self::s)]) and empty($unit/text()[normalize-space(.) != ''])"/>
  </xsl:function>

  <!-- true when the units of a paragraph-level link or ptr are shown sentence by sentence: the document has
       a sentence-level linkGrp and every unit the row names is sentence-ready -->
  <xsl:function name="bt:by-sentence" as="xs:boolean">
    <xsl:param name="row" as="element()"/>
    <xsl:variable name="units" select="bt:targets($row)"/>
    <xsl:sequence select="exists(bt:sentence-group($row)) and exists($units)
                          and (every $u in $units satisfies bt:sentence-ready($u))"/>
  </xsl:function>

  <!-- the paragraph-level row a sentence-level link or ptr is shown under: that of the unit of its first
       sentence that has one (the sentences of a link lie in the units of one paragraph-level link) -->
  <xsl:function name="bt:home-row" as="element()?">
    <xsl:param name="srow" as="element()"/>
    <xsl:sequence select="(for $s in bt:targets($srow), $u in $s/.. return key('bt:p-row', string($u/@xml:id), root($srow)))[1]"/>
  </xsl:function>

  <!-- the sentence rows of a paragraph-level link or ptr, in document order: the sentence-level links and ptrs
       that belong under it, then (not expected) each of its sentences that no sentence-level link or ptr names -->
  <xsl:function name="bt:sentence-rows" as="element()*">
    <xsl:param name="prow" as="element()"/>
    <xsl:variable name="sentences" select="bt:targets($prow)/s"/>
    <xsl:variable name="rows" select="(for $s in $sentences return key('bt:s-row', string($s/@xml:id), root($prow)))/."/>
    <xsl:sequence select="$rows[bt:home-row(.) is $prow],
                          $sentences[empty(key('bt:s-row', string(@xml:id), root(.)))]"/>
  </xsl:function>

  <!-- body units that no link or ptr mentions (none in well-formed converter output);
       the outputs list them after the last row so that no text is lost -->
  <xsl:function name="bt:unlinked-units" as="element()*">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="ids" as="xs:string*"
        select="for $r in bt:rows($n), $t in tokenize(normalize-space($r/@target), ' ')
                return bt:token-id($t)"/>
    <xsl:sequence select="(bt:units($n, 'zh'), bt:units($n, 'en'))[not(@xml:id = $ids)]"/>
  </xsl:function>

  <!-- ================================================================
       Languages and @rend
       ================================================================ -->

  <!-- the xml:lang in force on a node ('' when none) -->
  <xsl:function name="bt:lang" as="xs:string">
    <xsl:param name="n" as="node()?"/>
    <xsl:sequence select="string(($n/ancestor-or-self::*/@xml:lang)[last()])"/>
  </xsl:function>

  <!-- true when @rend of $el has the token $token -->
  <xsl:function name="bt:rend" as="xs:boolean">
    <xsl:param name="el" as="element()?"/>
    <xsl:param name="token" as="xs:string"/>
    <xsl:sequence select="tokenize(normalize-space($el/@rend), ' ') = $token"/>
  </xsl:function>

  <!-- true when $c (one character) is Chinese/Japanese/Korean script or CJK punctuation -->
  <xsl:function name="bt:is-cjk" as="xs:boolean">
    <xsl:param name="c" as="xs:string"/>
    <xsl:sequence select="matches($c, '[\p{IsCJKUnifiedIdeographs}\p{IsCJKUnifiedIdeographsExtensionA}\p{IsCJKCompatibilityIdeographs}\p{IsCJKSymbolsandPunctuation}\p{IsHalfwidthandFullwidthForms}\p{IsCJKRadicalsSupplement}\p{IsKangxiRadicals}\p{IsBopomofo}\p{IsHiragana}\p{IsKatakana}\p{IsHangulSyllables}\p{IsCJKCompatibilityForms}]')"/>
  </xsl:function>

  <!-- ================================================================
       Header fields
       ================================================================ -->

  <!-- title of the titleStmt by language ('zh' or 'en', matched as by lang()) and type ('main', 'sub') -->
  <xsl:function name="bt:title" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:variable name="ts" select="root($n)/TEI/teiHeader/fileDesc/titleStmt"/>
    <xsl:sequence select="string(($ts/title[@type = $type][lang($lang)])[1])"/>
  </xsl:function>

  <!-- the full title of one language: main and sub joined with $sep; falls back to the bibl title -->
  <xsl:function name="bt:full-title" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:param name="sep" as="xs:string"/>
    <xsl:variable name="parts" select="(bt:title($n, $lang, 'main'), bt:title($n, $lang, 'sub'))[. != '']"/>
    <xsl:sequence select="if (exists($parts)) then string-join($parts, $sep)
                          else string((bt:bibl($n)/title[@level = 'a'][lang($lang)])[1])"/>
  </xsl:function>

  <!-- the title of any TEI document (foreign ones too): main title, else the first title -->
  <xsl:function name="bt:doc-title" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="ts" select="root($n)/TEI/teiHeader/fileDesc/titleStmt"/>
    <xsl:variable name="t" select="($ts/title[@type = 'main'], $ts/title[not(@type)], $ts/title)[1]"/>
    <xsl:sequence select="bt:normalize($t, true())"/>
  </xsl:function>

  <!-- the publication date (ISO form from @when, else the element's text) -->
  <xsl:function name="bt:date" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="d" select="(bt:bibl($n)/date, root($n)/TEI/teiHeader/fileDesc/publicationStmt/date)[1]"/>
    <xsl:sequence select="string(($d/@when, $d)[1])"/>
  </xsl:function>

  <!-- the page biblScope of one language -->
  <xsl:function name="bt:page" as="element(biblScope)?">
    <xsl:param name="n" as="node()"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="(bt:bibl($n)/biblScope[@unit = 'page'][lang($lang)])[1]"/>
  </xsl:function>

  <!-- the page number: @n of either page biblScope, else the digits of its text -->
  <xsl:function name="bt:page-number" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:variable name="b" select="bt:bibl($n)/biblScope[@unit = 'page']"/>
    <xsl:sequence select="string(($b/@n, $b[1]/replace(., '^\D*(\d*).*$', '$1'))[. != ''][1])"/>
  </xsl:function>

  <!-- a bibl note (type 'section' or 'column') of one language -->
  <xsl:function name="bt:note" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="string((bt:bibl($n)/note[@type = $type][lang($lang)])[1])"/>
  </xsl:function>

  <!-- newspaper name of one language -->
  <xsl:function name="bt:journal" as="xs:string">
    <xsl:param name="n" as="node()"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="string((bt:bibl($n)/title[@level = 'j'][lang($lang)])[1])"/>
  </xsl:function>

  <!-- ================================================================
       Text of a line element (source layout, inline rules)
       text nodes verbatim; hi bold -> **…**, hi italic -> *…*; other elements -> their text
       ================================================================ -->

  <xsl:function name="bt:line-text" as="xs:string">
    <xsl:param name="el" as="element()?"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$el/node()" mode="bt:line"/>
    </xsl:variable>
    <xsl:sequence select="string-join($parts)"/>
  </xsl:function>

  <xsl:template match="text()" mode="bt:line" as="xs:string">
    <xsl:sequence select="string(.)"/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="bt:line"/>

  <xsl:template match="*" mode="bt:line" as="xs:string*">
    <xsl:apply-templates select="node()" mode="bt:line"/>
  </xsl:template>

  <xsl:template match="hi[bt:rend(., 'bold') or bt:rend(., 'italic')]" mode="bt:line" as="xs:string*">
    <xsl:variable name="mark" select="(if (bt:rend(., 'bold')) then '**' else '')
                                      || (if (bt:rend(., 'italic')) then '*' else '')"/>
    <xsl:sequence select="$mark"/>
    <xsl:apply-templates select="node()" mode="bt:line"/>
    <xsl:sequence select="$mark"/>
  </xsl:template>

  <!-- ================================================================
       Plain text with careful white-space handling
       ================================================================ -->

  <!-- U+E000 (private use) stands for a line break (lb) until white space is normalized -->
  <xsl:variable name="bt:LB" as="xs:string" select="'&#xE000;'"/>

  <!-- the plain text of a node: all its text, lb as a line break, white space normalized -->
  <xsl:function name="bt:plain" as="xs:string">
    <xsl:param name="n" as="node()*"/>
    <xsl:param name="collapse-inline" as="xs:boolean"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$n" mode="bt:plain"/>
    </xsl:variable>
    <xsl:sequence select="bt:normalize-ws(string-join($parts), $collapse-inline)"/>
  </xsl:function>

  <xsl:template match="text()" mode="bt:plain" as="xs:string">
    <xsl:sequence select="string(.)"/>
  </xsl:template>
  <xsl:template match="comment() | processing-instruction()" mode="bt:plain"/>
  <xsl:template match="*" mode="bt:plain" as="xs:string*">
    <xsl:apply-templates select="node()" mode="bt:plain"/>
  </xsl:template>
  <xsl:template match="lb" mode="bt:plain" as="xs:string">
    <xsl:sequence select="$bt:LB"/>
  </xsl:template>

  <!-- normalize($node, $collapse-inline) = plain text of one node -->
  <xsl:function name="bt:normalize" as="xs:string">
    <xsl:param name="n" as="node()?"/>
    <xsl:param name="collapse-inline" as="xs:boolean"/>
    <xsl:sequence select="if (empty($n)) then '' else bt:plain($n, $collapse-inline)"/>
  </xsl:function>

  <!--
    White space normalization that never puts a space inside Chinese text.
    A run of XML white space (space, tab, CR, LF):
      - at the start or end: removed;
      - containing a line break: removed between two CJK characters, else one space;
      - without line break: one space when $collapse-inline and neither neighbour is CJK,
        else kept verbatim.
    U+E000 markers become line breaks (white space around them removed).
  -->
  <xsl:function name="bt:normalize-ws" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="collapse-inline" as="xs:boolean"/>
    <!-- the common case, one line with single spaces, needs no work (and the rules below would keep it as it is) -->
    <xsl:sequence select="if (contains($s, '&#9;') or contains($s, '&#10;') or contains($s, '&#13;') or contains($s, '&#xE000;')
                              or contains($s, '  ') or starts-with($s, ' ') or ends-with($s, ' '))
                          then bt:normalize-ws-runs($s, $collapse-inline) else $s"/>
  </xsl:function>

  <xsl:function name="bt:normalize-ws-runs" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="collapse-inline" as="xs:boolean"/>
    <xsl:variable name="parts" as="element()*" select="analyze-string($s, '\s+')/*"/>
    <xsl:variable name="count" select="count($parts)"/>
    <xsl:variable name="out" as="xs:string*">
      <xsl:for-each select="$parts">
        <xsl:variable name="i" select="position()"/>
        <xsl:choose>
          <xsl:when test="self::fn:non-match">
            <xsl:sequence select="string(.)"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="before" select="if ($i gt 1) then substring($parts[$i - 1], string-length($parts[$i - 1])) else ''"/>
            <xsl:variable name="after" select="if ($i lt $count) then substring($parts[$i + 1], 1, 1) else ''"/>
            <xsl:sequence select="
                if ($before = ('', $bt:LB) or $after = ('', $bt:LB)) then ''
                else if (matches(., '[&#10;&#13;]'))
                  then (if (bt:is-cjk($before) and bt:is-cjk($after)) then '' else ' ')
                else if ($collapse-inline and not(bt:is-cjk($before) or bt:is-cjk($after))) then ' '
                else string(.)"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <!-- line-break markers: several in a row make one break, none at the ends -->
    <xsl:sequence select="replace(replace(string-join($out), '^&#xE000;+|&#xE000;+$', ''), '&#xE000;+', '&#10;')"/>
  </xsl:function>

  <!-- ================================================================
       Generic (foreign TEI) block structure
       ================================================================ -->

  <!-- elements that make a block of their own (paragraph-like) -->
  <xsl:variable name="bt:block-names" as="xs:string*" select="
      ('p', 'ab', 'head', 'l', 'item', 'label', 'cell', 'byline', 'dateline', 'opener', 'closer',
       'salute', 'signed', 'trailer', 'speaker', 'stage', 'docTitle', 'titlePart', 'docAuthor',
       'docImprint', 'docDate', 'figDesc', 'argument', 'epigraph', 'postscript')"/>

  <!-- elements that hold blocks (never rendered inline) -->
  <xsl:variable name="bt:container-names" as="xs:string*" select="
      ('text', 'front', 'body', 'back', 'group', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7',
       'list', 'lg', 'table', 'row', 'figure', 'sp', 'floatingText', 'titlePage', 'listBibl', 'listApp',
       'listPerson', 'listPlace', 'listOrg', 'listEvent', 'listWit', 'castList')"/>

  <!-- true when $el is a block: a paragraph-like element (label only inside a list) -->
  <xsl:function name="bt:is-block" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="local-name($el) = $bt:block-names and not($el/self::label[not(parent::list)])"/>
  </xsl:function>

  <!-- true when $el is a container of blocks (note, quote, cit... are blocky only when they hold blocks) -->
  <xsl:function name="bt:is-container" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="local-name($el) = $bt:container-names"/>
  </xsl:function>

  <!-- true when $el is or holds a block: it is never part of a running line of text -->
  <xsl:function name="bt:is-blocky" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="$n instance of element()
        and (some $e in $n/descendant-or-self::* satisfies (bt:is-block($e) or bt:is-container($e)))"/>
  </xsl:function>

</xsl:stylesheet>
