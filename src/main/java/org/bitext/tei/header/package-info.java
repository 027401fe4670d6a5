/**
 * JAXB binding of the part of the TEI header that bitext writes. Java ↔ XML binding by JAXB is used here, where
 * the content is element-only and regular; the text body, whose mixed content JAXB handles awkwardly, is written
 * with StAX by {@link org.bitext.tei.TeiEncoder}.
 */
@XmlSchema(namespace = Tei.NS, elementFormDefault = XmlNsForm.QUALIFIED,
        xmlns = @XmlNs(prefix = "", namespaceURI = Tei.NS))
package org.bitext.tei.header;

import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
