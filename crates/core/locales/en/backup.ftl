# backup: backups, their check and restore, and the destruction log that restore replays

reason-backup_not_found = There is no backup file at that path.
reason-backup_not_a_backup = This file is not a Derbes backup.
reason-backup_damaged = The backup is damaged or was changed after it was made (it may have been cut short while copying); nothing was restored. Use another backup.
reason-backup_newer = This backup was made by a newer version of Derbes. Update Derbes to open it.
reason-backup_cloud_folder = { $service } synchronises this folder: the backup would be copied to servers abroad, which the law treats as a cross-border transfer. Choose a USB stick or a folder on this computer.
reason-backup_extension = A backup's file name must end in .{ $extension }.
reason-backup_unknown = This vault has no record of that backup.
reason-backup_reminder_range = The reminder must be between { $min } and { $max } days.
reason-backup_retention_range = Backups must be kept between { $min } and { $max } days.
reason-restore_parent_missing = The folder to restore into is in a folder that does not exist.
reason-log_not_found = There is no destruction log at that path.
reason-log_not_a_log = This file is not a Derbes destruction log.
reason-log_newer = This destruction log was written by a newer version of Derbes. Update Derbes to read it.
reason-log_foreign = This destruction log belongs to another vault.
reason-log_damaged = The destruction log is damaged or was changed; nothing was restored.
permission-back_up = make backups
reason-backup_demo = The demo vault holds made-up people and is deleted when it locks: there is nothing to back up. Create your own vault to keep real data.
