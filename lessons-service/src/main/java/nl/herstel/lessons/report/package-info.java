/**
 * The management report as a document: XHTML with inline SVG charts, and the PDF rendered from it.
 * Pure rendering of a {@link nl.herstel.lessons.query.ManagementReport}; it reads nothing itself.
 */
package nl.herstel.lessons.report;
