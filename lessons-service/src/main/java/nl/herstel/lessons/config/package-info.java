/** How lessons-service is wired: its ServiceModule. */
package nl.herstel.lessons.config;
