import { readFileSync } from 'node:fs';

/** Kernel clock ticks per second (USER_HZ): 100 on every Linux the product supports. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) a process used so far, from /proc/<pid>/stat; what
 * process.cpuUsage() would report inside that process, read from outside it. null when it is gone.
 */
export function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Load average of the last minute (the machine is shared: the numbers are read with it). */
export function loadAverage(): number {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return 0;
  }
}

/**
 * Time (ms) the process's main thread — a node process's JavaScript — has so far spent runnable
 * but waiting for a CPU (the second field of /proc/<pid>/schedstat). On a shared machine this says
 * how much of a window a process wanted to run and could not: the other processes' share. null
 * when it is gone or the kernel keeps no schedstats.
 */
export function processRunQueueWaitMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const wait = Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]);
    return Number.isFinite(wait) ? wait / 1e6 : null;
  } catch {
    return null;
  }
}
