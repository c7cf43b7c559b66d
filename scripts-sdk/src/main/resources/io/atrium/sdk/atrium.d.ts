// TypeScript declarations of the Atrium scripts SDK: the globals a script can use.
// The runtime implements them; anything not declared here is not reachable from a script
// (no Java classes, no files, no processes, no threads).

/** Writes lines to the platform's log, tagged with the script's name. */
interface ScriptLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

declare const log: ScriptLog;
