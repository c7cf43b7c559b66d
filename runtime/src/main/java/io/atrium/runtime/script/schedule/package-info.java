/** Script functions run on a timetable, with one node claiming each occurrence. */
package io.atrium.runtime.script.schedule;
