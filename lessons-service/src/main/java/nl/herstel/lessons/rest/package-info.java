/** lessons-service's REST API under /api/lessons: thin resources over the query gateway. */
package nl.herstel.lessons.rest;
