/**
 * The backup worker: answers lib/backup-work.ts requests off the options
 * page's main thread. Started by lib/backup.ts (`backupWork`) as a module
 * worker from the extension's own files.
 */
import { type BackupWorkRequest, type BackupWorkResponse, handleBackupWork } from './backup-work';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<BackupWorkRequest>) => void) | null;
  postMessage(message: BackupWorkResponse): void;
};

scope.onmessage = (event) => {
  void handleBackupWork(event.data).then((response) => scope.postMessage(response));
};
