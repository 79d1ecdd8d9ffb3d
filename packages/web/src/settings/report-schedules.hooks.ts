import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { useRefreshingMutation } from '../api/mutations';
import { queryKeysFactory } from '../api/query-key-factory';
import type { ReportSchedule, ReportScheduleCreate } from '../api/types';

export const reportScheduleKeys = queryKeysFactory('report-schedules');

export function useReportSchedules() {
  return useQuery({
    queryKey: reportScheduleKeys.lists(),
    queryFn: () => api.get<{ items: ReportSchedule[] }>('/report-schedules'),
  });
}

export function useCreateReportSchedule() {
  return useRefreshingMutation(
    (body: ReportScheduleCreate) => api.post<ReportSchedule>('/report-schedules', body),
    reportScheduleKeys.all,
  );
}

export function useDeleteReportSchedule() {
  return useRefreshingMutation(
    (id: number) => api.delete<unknown>(`/report-schedules/${String(id)}`),
    reportScheduleKeys.all,
  );
}
