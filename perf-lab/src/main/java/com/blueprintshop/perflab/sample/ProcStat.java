package com.blueprintshop.perflab.sample;

/**
 * One line of {@code /proc/<pid>/stat}: the fields a CPU and memory sample needs.
 *
 * @param utime user-mode clock ticks of the process
 * @param stime kernel-mode clock ticks
 * @param cutime ticks of its children it waited for (PostgreSQL's backends that exited land here)
 * @param cstime likewise in kernel mode
 * @param rssPages resident pages
 */
public record ProcStat(long pid, String comm, char state, long ppid, long utime, long stime, long cutime, long cstime,
		long rssPages) {

	/** Clock ticks per second of {@code /proc} times (USER_HZ, 100 on Linux whatever the kernel's HZ). */
	public static final int TICKS_PER_SECOND = 100;

	/**
	 * Parses the line. The command name stands in parentheses and may itself hold spaces and
	 * parentheses, so the fields are counted from the last {@code ')'}.
	 */
	public static ProcStat parse(String line) {
		int open = line.indexOf('(');
		int close = line.lastIndexOf(')');
		if (open < 0 || close < open) {
			throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
		}
		long pid = Long.parseLong(line.substring(0, open).strip());
		String comm = line.substring(open + 1, close);
		// fields from 3 (state) on, 1-based as proc(5) numbers them
		String[] f = line.substring(close + 1).strip().split("\\s+");
		return new ProcStat(pid, comm, f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[14 - 3]),
				Long.parseLong(f[15 - 3]), Long.parseLong(f[16 - 3]), Long.parseLong(f[17 - 3]),
				Long.parseLong(f[24 - 3]));
	}

	/** Its CPU time and that of its reaped children, in ticks: monotonic over a process tree. */
	public long ticks() {
		return this.utime + this.stime + this.cutime + this.cstime;
	}

}
