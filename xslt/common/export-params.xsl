<?xml version="1.0" encoding="UTF-8"?>
<!--
  bitext: the parameters of the metadata crosswalks (dc.xsl, mets.xsl), with their defaults.
  Reached through common/dublin-core.xsl, which both crosswalks include. The renderings'
  parameters are in params.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    exclude-result-prefixes="#all">

  <!-- dc.xsl / mets.xsl: a URI of the resource, written as a second dc:identifier
       (the first is the TEI's /TEI/@xml:id). '' = none. -->
  <xsl:param name="identifier-uri" as="xs:string" select="''"/>

  <!-- dc.xsl / mets.xsl: dc:description holds the first paragraph of each side, cut after
       at most this many characters (Unicode code points) and ended with "…". Chinese text
       says about four times as much per character as English (the aligner's ratio), hence
       two limits: one for Chinese and Japanese text, one for any other language. -->
  <xsl:param name="description-length" as="xs:integer" select="600"/>
  <xsl:param name="description-length-cjk" as="xs:integer" select="150"/>

  <!-- mets.xsl: the files of the article, one element each, no namespace:
       <file use="tei|html|text|source" href="tei/NAME.xml" mimetype="application/tei+xml"
             size="4631" sha256="(64 lower-case hex digits)"/>
       href is written as given into FLocat/@xlink:href (bitext passes paths relative to
       the output folder, as in its report.json). -->
  <xsl:param name="files" as="element()*" select="()"/>

  <!-- mets.xsl: the software named as the METS document's creator (metsHdr/agent).
       bitext passes "bitext VERSION". -->
  <xsl:param name="creator-agent" as="xs:string" select="'bitext'"/>

</xsl:stylesheet>
