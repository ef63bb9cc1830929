/** lessons-service's commands, events and queries: the language of learning from incidents. */
package nl.herstel.lessons.api;
