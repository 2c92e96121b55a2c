// The support-desk workload: data behind tools, the tools themselves, the benchmark tasks and their grading, and
// the playbook the simulated model uses for this domain.
export { checkAnswer, type AnswerCheck } from './check-answer.ts';
export { supportDeskPlaybook } from './playbook.ts';
export { supportDeskTasks, type SupportDeskTask, type TaskCategory } from './tasks.ts';
export {
  createSupportDeskTools,
  SupportDeskNotFoundError,
  type SupportDeskTool,
  type SupportDeskToolOptions,
} from './tools.ts';
