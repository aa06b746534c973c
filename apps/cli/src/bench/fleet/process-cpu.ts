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

/**
 * CPU time (ms) the whole machine spent busy so far, all cores (/proc/stat's first line: every
 * field but idle and iowait). Over a window, divided by the runs in it, it is what a run costs the
 * machine in total — worker, PostgreSQL, Redis, the sim — plus whatever else shares the machine.
 */
export function machineBusyMs(): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
    return ((user + nice + system + irq + softirq + (steal || 0)) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * CPU of a changing set of processes over a window (the database's server processes of the
 * product's connections: a pool opens and closes them). Each pid counts from when it was first
 * seen (0 if it appeared within the window) to when it was last seen.
 */
export class ProcessSetCpu {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private started = false;

  /** Samples the set; `pids` are the processes now in it. */
  sample(pids: number[]): void {
    for (const pid of pids) {
      const ms = processCpuMs(pid);
      if (ms === null) continue;
      if (!this.first.has(pid)) this.first.set(pid, this.started ? 0 : ms);
      this.last.set(pid, ms);
    }
    this.started = true;
  }

  /** CPU (ms) the set used between the first sample and the last. */
  usedMs(): number {
    let sum = 0;
    for (const [pid, last] of this.last) sum += last - (this.first.get(pid) ?? last);
    return sum;
  }
}
