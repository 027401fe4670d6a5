<?xml version="1.0" encoding="UTF-8"?>
<!--
  bitext: the Dublin Core record of a TEI document, as oai_dc:dc (the OAI-PMH format oai_dc,
  http://www.openarchives.org/OAI/2.0/oai_dc.xsd). Entry point: the document node.
  The mapping is described in common/dublin-core.xsl; parameters in common/export-params.xsl
  ($identifier-uri, $description-length, $description-length-cjk).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:bt="urn:bitext:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="common/common.xsl"/>
  <xsl:include href="common/dublin-core.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/">
    <xsl:sequence select="bt:oai-dc(.)"/>
  </xsl:template>

</xsl:stylesheet>
