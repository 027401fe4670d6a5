<?xml version="1.0" encoding="UTF-8"?>
<!--
  bitext: a METS document (http://www.loc.gov/standards/mets/mets.xsd) for one TEI article.
  Entry point: the document node. Parameters (common/export-params.xsl): $files, the article's
  files as <file use="" href="" mimetype="" size="" sha256=""/> elements; $creator-agent;
  and those of the Dublin Core record.

    mets/@OBJID        the TEI's xml:id
    metsHdr            the creating software as agent; no CREATEDATE, so that the same TEI and files
                       give the same bytes on every run
    dmdSec ID.dmd-dc   mdWrap MDTYPE="DC": the oai_dc:dc record of dc.xsl
    dmdSec ID.dmd-tei  mdWrap MDTYPE="TEIHDR": the TEI header, copied
    fileSec            one fileGrp per use, in the order TEI, HTML, TEXT, SOURCE (then any other):
                       file with MIMETYPE, SIZE, CHECKSUM (SHA-256), and FLocat LOCTYPE="URL" xlink:href
    structMap LOGICAL  one div for the article, pointing at both dmdSecs and (fptr) at every file
  Every METS ID starts with the TEI's xml:id and a dot (ID.dmd-dc, ID.file-tei, ID.article), so
  that several of these documents can be put in one (an OAI-PMH list) with unique IDs.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:bt="urn:bitext:functions"
    xmlns:mets="http://www.loc.gov/METS/"
    xmlns:xlink="http://www.w3.org/1999/xlink"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="xs bt">

  <xsl:import href="common/common.xsl"/>
  <xsl:include href="common/dublin-core.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- the uses bitext writes, in the order of the fileSec -->
  <xsl:variable name="USES" as="xs:string*" select="('tei', 'html', 'text', 'source')"/>

  <xsl:template match="/">
    <xsl:variable name="tei" select="TEI"/>
    <!-- every METS ID starts with the article's id, so that the METS documents of several articles can sit in
         one XML document (an OAI-PMH ListRecords response) with their IDs unique -->
    <xsl:variable name="p" select="(normalize-space($tei/@xml:id)[. castable as xs:NCName], 'bitext')[1] || '.'"/>
    <xsl:variable name="uses" select="distinct-values(($USES[. = $files/@use], $files/@use ! string()))"/>
    <!-- the titles of the Dublin Core record, English first: "English title / 中文标题" -->
    <xsl:variable name="titles" select="bt:dc-titles(.)"/>
    <xsl:variable name="label" select="string-join(($titles[lang('en')], $titles[not(lang('en'))]), ' / ')"/>
    <mets:mets xsi:schemaLocation="http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd"
               TYPE="Text">
      <xsl:if test="normalize-space($tei/@xml:id) != ''">
        <xsl:attribute name="OBJID" select="normalize-space($tei/@xml:id)"/>
      </xsl:if>
      <xsl:if test="$label != ''">
        <xsl:attribute name="LABEL" select="$label"/>
      </xsl:if>
      <mets:metsHdr>
        <mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE">
          <mets:name><xsl:value-of select="$creator-agent"/></mets:name>
        </mets:agent>
      </mets:metsHdr>
      <mets:dmdSec ID="{$p}dmd-dc">
        <mets:mdWrap MDTYPE="DC" MIMETYPE="text/xml" LABEL="Dublin Core (oai_dc)">
          <mets:xmlData>
            <xsl:sequence select="bt:oai-dc(.)"/>
          </mets:xmlData>
        </mets:mdWrap>
      </mets:dmdSec>
      <xsl:if test="exists($tei/teiHeader)">
        <mets:dmdSec ID="{$p}dmd-tei">
          <mets:mdWrap MDTYPE="TEIHDR" MIMETYPE="application/tei+xml" LABEL="TEI header">
            <mets:xmlData>
              <xsl:copy-of select="$tei/teiHeader" copy-namespaces="no"/>
            </mets:xmlData>
          </mets:mdWrap>
        </mets:dmdSec>
      </xsl:if>
      <xsl:if test="exists($files)">
        <mets:fileSec>
          <xsl:for-each select="$uses">
            <xsl:variable name="use" select="."/>
            <mets:fileGrp USE="{upper-case($use)}">
              <xsl:for-each select="$files[@use = $use]">
                <xsl:apply-templates select="." mode="mets-file">
                  <xsl:with-param name="id" select="$p || bt:file-id(., $files)"/>
                </xsl:apply-templates>
              </xsl:for-each>
            </mets:fileGrp>
          </xsl:for-each>
        </mets:fileSec>
      </xsl:if>
      <mets:structMap TYPE="LOGICAL">
        <mets:div ID="{$p}article" TYPE="article" DMDID="{$p}dmd-dc{' ' || $p || 'dmd-tei'[exists($tei/teiHeader)]}">
          <xsl:if test="$label != ''">
            <xsl:attribute name="LABEL" select="$label"/>
          </xsl:if>
          <xsl:for-each select="$uses">
            <xsl:variable name="use" select="."/>
            <xsl:for-each select="$files[@use = $use]">
              <mets:fptr FILEID="{$p}{bt:file-id(., $files)}"/>
            </xsl:for-each>
          </xsl:for-each>
        </mets:div>
      </mets:structMap>
    </mets:mets>
  </xsl:template>

  <!-- a file of the fileSec; an attribute whose value is not of the right form is left out -->
  <xsl:template match="*" mode="mets-file">
    <xsl:param name="id" as="xs:string"/>
    <mets:file ID="{$id}">
      <xsl:if test="normalize-space(@mimetype) != ''">
        <xsl:attribute name="MIMETYPE" select="normalize-space(@mimetype)"/>
      </xsl:if>
      <xsl:if test="@size castable as xs:long and xs:long(@size) ge 0">
        <xsl:attribute name="SIZE" select="xs:long(@size)"/>
      </xsl:if>
      <xsl:if test="matches(@sha256, '^[0-9a-fA-F]{64}$')">
        <xsl:attribute name="CHECKSUM" select="lower-case(@sha256)"/>
        <xsl:attribute name="CHECKSUMTYPE" select="'SHA-256'"/>
      </xsl:if>
      <mets:FLocat LOCTYPE="URL" xlink:href="{@href}"/>
    </mets:file>
  </xsl:template>

  <!-- the ID of a file: file-USE, with its position among the files of that use when there are several -->
  <xsl:function name="bt:file-id" as="xs:string">
    <xsl:param name="file" as="element()"/>
    <xsl:param name="files" as="element()*"/>
    <xsl:variable name="same" select="$files[@use = $file/@use]"/>
    <xsl:variable name="base" select="'file-' || replace(lower-case($file/@use), '[^a-z0-9]+', '-')"/>
    <xsl:sequence select="if (count($same) le 1) then $base
                          else $base || '-' || (for $i in 1 to count($same) return $i[$same[$i] is $file])"/>
  </xsl:function>

</xsl:stylesheet>
