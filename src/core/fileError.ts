// A failed read or write of a file the user named (or talon keeps), as one
// sentence saying what is wrong with the path, never a stack trace.
import { UserError } from './errors.js';

/** `path` may be a noun phrase ("the targets file 'x'"); sentences start with a capital. */
export function fileError(err: unknown, path: string, verb: 'read' | 'write'): UserError {
  const Path = path.charAt(0).toUpperCase() + path.slice(1);
  const { code, syscall, path: where } = err as NodeJS.ErrnoException;
  // mkdir meets a file where a directory should be.
  if (code === 'EEXIST' && syscall === 'mkdir') return new UserError(`Cannot ${verb} ${path}: ${where ?? 'its directory'} is a file, not a directory.`);
  switch (code) {
    case 'EEXIST':
      return new UserError(`${Path} already exists: choose another name (talon does not overwrite files).`);
    case 'ENOENT':
      return new UserError(verb === 'read' ? `${Path} does not exist.` : `Cannot write ${path}: its directory does not exist.`);
    case 'ENOTDIR':
      return new UserError(`Cannot ${verb} ${path}: a part of the path is a file, not a directory.`);
    case 'EACCES':
    case 'EPERM':
      return new UserError(`Cannot ${verb} ${path}: permission denied.`);
    case 'EISDIR':
      return new UserError(`Cannot ${verb} ${path}: it is a directory; give a file name.`);
    case 'ENOSPC':
      return new UserError(`Cannot write ${path}: the disk is full.`);
    default:
      return new UserError(`Cannot ${verb} ${path}: ${(err as Error).message}`);
  }
}
