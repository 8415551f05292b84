// Scheduled reports of the simulated tenant and their runs, in the API's wire
// shape (snake_case). Fields whose names start with `_` are the simulator's
// own bookkeeping and are stripped before a record is sent.

export interface ReportParams {
  columns: string[];
  dashboard_id: string;
  dashboard_visibility: string;
  filter: string;
  filter_display: string;
  filter_ui: string;
  format: 'csv' | 'json';
  sort: string;
}

export interface ScheduledReport {
  id: string; // 32 hex
  name: string;
  description: string;
  /** the family the report reads */
  type: 'hosts' | 'alerts' | 'spotlight_vulnerabilities' | 'incidents';
  status: 'ACTIVE' | 'INACTIVE';
  customer_id: string;
  user_id: string;
  user_uuid: string;
  api_client_id: string;
  created_on: string;
  last_updated_on: string;
  expiration_on: string;
  schedule_type: string;
  schedule: { interval: number; start_timestamp: string; ignored_by_channelfile: boolean };
  report_params: ReportParams;
  shared_with: string[];
  notifications: unknown[];
}

export interface ReportExecution {
  id: string;
  scheduled_report_id: string;
  type: ScheduledReport['type'];
  customer_id: string;
  user_id: string;
  user_uuid: string;
  created_on: string;
  last_updated_on: string;
  expiration_on: string;
  status: 'PENDING' | 'DONE' | 'FAILED';
  status_display: string;
  status_msg: string;
  shared_with: string[];
  report_params: ReportParams;
  can_write: boolean;
  execution_metadata: Record<string, unknown>;
  result_metadata: Record<string, unknown> & { result_count: number; execution_finish: string };
  /** epoch ms when a PENDING run completes (lazy, like containment) */
  _readyAt?: number;
}
