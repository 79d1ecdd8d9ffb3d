import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
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
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportScheduleCreate) => api.post<ReportSchedule>('/report-schedules', body),
    onSuccess: () => client.invalidateQueries({ queryKey: reportScheduleKeys.all }),
  });
}

export function useDeleteReportSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<unknown>(`/report-schedules/${String(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: reportScheduleKeys.all }),
  });
}
