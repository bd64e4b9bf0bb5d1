import os from "node:os";

/** Where a measurement was taken: CPU, cores, Node, load, date. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started and when it ended. */
  loadStart: number;
  loadEnd?: number;
  date: string;
}

/** Describes this machine now. */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadStart: round2(os.loadavg()[0] ?? 0),
    date: new Date().toISOString(),
  };
}

/** Current 1-minute load average. */
export function loadAverage(): number {
  return round2(os.loadavg()[0] ?? 0);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
