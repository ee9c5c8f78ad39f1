// Whether a process still exists. Files and folders named after the process
// that owns them (atomic writes' temp files, the stand-in's appData folders)
// are leftovers once it is gone; a process we may not signal (EPERM) exists.

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
