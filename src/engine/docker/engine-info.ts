/** What the simulated engine and its client say about themselves (docker version / info). */
export const CLIENT = { Version: '28.2.2', ApiVersion: '1.50', GitCommit: 'e6534b4', GoVersion: 'go1.24.3', BuildTime: 'Fri May 30 12:07:14 2025' };
export const ENGINE = { Version: '27.5.1', ApiVersion: '1.47', MinAPIVersion: '1.24', GitCommit: '4c9b3b0', GoVersion: 'go1.22.11', BuildTime: 'Wed Jan 22 13:41:48 2025', BuildTimeApi: '2025-01-22T13:41:48.000000000+00:00' };
export const CONTAINERD = { Version: '1.7.25', GitCommit: 'bcc810d6b9066471b0b6fa75f557a15a1cbf31bb' };
export const RUNC = { Version: '1.2.4', GitCommit: 'v1.2.4-0-g6c52b3f' };
export const DOCKER_INIT = { Version: '0.19.0', GitCommit: 'de40ad0' };
export const KERNEL_VERSION = '6.1.0-28-amd64';
export const OPERATING_SYSTEM = 'Debian GNU/Linux 12 (bookworm)';
