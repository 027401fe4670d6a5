<?xml version="1.0" encoding="UTF-8"?>
<!-- The bound of bench/run: parse and serialize each document, doing no other work. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:mode on-no-match="shallow-copy"/>
</xsl:stylesheet>
