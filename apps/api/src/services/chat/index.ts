// Chat (order threads and pre-sale questions). The entry points routers, HTTP routes, the socket
// handlers and other modules use. For disputes: setStaffReplyCheck / assertMayReplyAsStaff
// (staff-reply-guard.ts) and postSystemMessage (system-messages.ts).
export { threadForOrder, presaleThread, threadDetails, myThreads, supportInbox, unreadSummary, joinAsSupport } from './threads.js';
export { sendMessage } from './send-message.js';
export { editMessage, deleteMessage, hideMessage, reportMessage, listReports, resolveReport } from './change-message.js';
export { history, markRead } from './history.js';
export { listCannedReplies, previewCannedReply, saveCannedReply, archiveCannedReply } from './canned-replies.js';
export { assertMayReplyAsStaff, setStaffReplyCheck, type StaffReplyCheck, type StaffReplyCheckInput, type StaffReplyVerdict } from './staff-reply-guard.js';
export { postSystemMessage } from './system-messages.js';
export { createChatSendLimit, type ChatSendLimit } from './send-rate-limit.js';
export { accessThread, threadParticipantIds, roleIn } from './thread-access.js';
