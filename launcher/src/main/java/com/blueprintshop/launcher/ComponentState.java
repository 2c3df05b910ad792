package com.blueprintshop.launcher;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A component as recorded in {@code run/state.json}: enough to probe it, stop it by PID (after
 * checking the PID still names the process that was started) and start it again.
 * @param pid the process id, {@code null} for external infrastructure
 * @param processStart when that process started; a PID whose process started at another time was reused
 * @param ports the ports it listens on, main port first
 * @param external provided from outside: probed, never started or stopped
 * @param startedByThisRun started by the {@code up} (or {@code restart}) that recorded it
 * @param readySeconds seconds from its start to ready, {@code null} until ready
 * @param portNote set when a preferred port was taken and another one used
 */
public record ComponentState(String name, Kind kind, String module, String app, String instanceId, Long pid,
		Instant processStart, List<Integer> ports, String url, boolean external, boolean startedByThisRun,
		Double readySeconds, String portNote) {

	public ComponentState {
		ports = (ports != null) ? List.copyOf(ports) : List.of();
	}

	public static ComponentState planned(ComponentSpec spec, List<Integer> ports, String url, String portNote) {
		return new ComponentState(spec.name(), spec.kind(), spec.module().orElse(null), spec.app().orElse(null),
				spec.instanceId(), null, null, ports, url, false, true, null, portNote);
	}

	public static ComponentState external(ComponentSpec spec, List<Integer> ports, String url) {
		return new ComponentState(spec.name(), spec.kind(), null, null, spec.instanceId(), null, null, ports, url,
				true, false, null, null);
	}

	public ComponentSpec spec() {
		return new ComponentSpec(this.name, this.kind, this.ports, Optional.ofNullable(this.module),
				Optional.ofNullable(this.app), this.instanceId);
	}

	public int port() {
		return this.ports.getFirst();
	}

	public boolean hasProcess() {
		return this.pid != null && this.processStart != null;
	}

	public ComponentState started(long pid, Instant processStart) {
		return new ComponentState(this.name, this.kind, this.module, this.app, this.instanceId, pid, processStart,
				this.ports, this.url, this.external, this.startedByThisRun, null, this.portNote);
	}

	public ComponentState ready(double seconds) {
		return new ComponentState(this.name, this.kind, this.module, this.app, this.instanceId, this.pid,
				this.processStart, this.ports, this.url, this.external, this.startedByThisRun, seconds,
				this.portNote);
	}

}
