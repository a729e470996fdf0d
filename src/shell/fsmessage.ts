/** strerror() texts for the simulated filesystem's errors. */
export function fsMessage(error: string): string {
  switch (error) {
    case 'ENOENT':
      return 'No such file or directory';
    case 'EISDIR':
      return 'Is a directory';
    case 'EINVAL':
      return 'Invalid argument';
    case 'EROFS':
      return 'Read-only file system';
    case 'EFBIG':
      return 'File too large';
    default:
      return 'Permission denied';
  }
}
