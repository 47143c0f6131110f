// English for residents who write in English (ChatUser.lang = "en"): what a resident most often
// receives. `render` puts it above the Chinese text, which stays whole (the office's record, and what
// a Chinese-reading family member sees); keys without an English text are sent in Chinese only.
import { localParts } from "../../services/time.js";
import { s, type Params, type RenderContext, type Text } from "../text-format.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "today 10:30", "tomorrow 09:00", "Mar 4 10:30" (local time of the community). */
function when(iso: Params[string], c: RenderContext): string {
  const a = localParts(new Date(s(iso)), c.tz);
  const b = localParts(c.now, c.tz);
  const hm = `${String(a.hour).padStart(2, "0")}:${String(a.minute).padStart(2, "0")}`;
  if (a.year === b.year && a.month === b.month && a.day === b.day) return `today ${hm}`;
  const tomorrow = localParts(new Date(c.now.getTime() + 86_400_000), c.tz);
  if (a.year === tomorrow.year && a.month === tomorrow.month && a.day === tomorrow.day) return `tomorrow ${hm}`;
  return `${MONTHS[a.month - 1]} ${a.day} ${hm}`;
}

const INTENT: Record<string, string> = { repair: "repair request", complaint: "complaint", fee: "fee question", inquiry: "question", suggestion: "suggestion" };
const CATEGORY: Record<string, string> = {
  water: "water", electricity: "electricity", gas: "gas", elevator: "lift", access: "access/gate", structure: "building structure", facility: "facilities",
  sanitation: "cleaning", greenery: "greenery", parking: "parking", noise: "noise", security: "security", pets: "pets", decoration: "renovation", staff: "staff conduct", other: "other",
};
const URGENCY: Record<string, string> = { "1": "URGENT", "2": "priority", "3": "routine" };
const SAFETY: Record<string, string> = {
  elevator: "If someone is trapped: stay calm, press the alarm button in the lift or call the rescue number inside it, do not force the doors; help is on the way. In danger call 119.",
  gas: "Do not switch anything electric on or off, no flames; open the windows, close the gas valve and wait outside. If it is serious call 119.",
  water: "If you can, close your flat's main water valve and keep away from wet sockets and appliances. In danger call 119/110.",
  electricity: "Switch off the breaker; do not touch anything smoking or live. If there is fire or danger, leave and call 119.",
  water_power: "The water has reached a light or a socket: switch off the breaker first and do not touch wet switches or appliances; close your main water valve if you can. In danger call 119/110.",
  injury: "Call 120 for an ambulance now; do not move someone who has fallen or fainted, keep their airway clear and stay with them; our staff are coming to help and guide the ambulance.",
  bite: "Wash the wound with soap and running water for at least 15 minutes and get to a hospital for treatment and a rabies vaccine; if it bleeds heavily call 120.",
  fight: "Keep yourself safe and away from the fight, and call 110 (police) now; do not step in.",
  missing: "Call 110 (police) now and have a photo and a description of their clothes ready; we are alerting the gates and patrols and checking the cameras.",
  selfharm: "Call 110 now (120 if someone is hurt); if someone wants to end their life, stay with them and do not leave them alone; the mental-health hotline is 400-161-9995. Our staff are on the way.",
  outage_water: "While the water is off, keep your taps closed so nothing overflows when it returns; tell us if someone at home has special needs.",
  outage_power: "While the power is off, switch off heaters and large appliances so nothing is hit when it returns; no candles, take care on the stairs, and tell us at once if someone is stuck in a lift.",
  outage_gas: "While the gas is off, keep the stove and the gas valve closed; when it returns, check there is no smell before lighting.",
  water_upstairs: "The water is coming from the flat above: move appliances and valuables away and keep clear of wet sockets; we are contacting the flat above to shut their valve. In danger call 119/110.",
};
/** One line of a resident's progress list (`resident.progress`, param `items` as JSON). */
export type ProgressItem = { number: number; intent: string; category: string; status: string; staff: string; createdAt: string; waitingUntil?: string | undefined; promiseAt?: string | undefined; promiseStep?: string | undefined };
const STATUS: Record<string, string> = { open: "waiting to be accepted", accepted: "accepted", onsite: "staff on site", reopened: "being handled again", done: "done", closed: "closed", cancelled: "cancelled" };
const PROMISE: Record<string, string> = { accept: "accepted", onsite: "someone on site", resolve: "fixed", feedback: "an update", complete: "fixed" };

function progressLines(p: Params, c: RenderContext): string | null {
  let items: ProgressItem[];
  try { items = JSON.parse(s(p.items)) as ProgressItem[]; } catch { return null; }
  if (!Array.isArray(items) || items.length === 0) return null;
  return items.map((i) => {
    const next = i.waitingUntil ? `; arranged with you for ${when(i.waitingUntil, c)}` : i.promiseAt ? `; expected: ${PROMISE[i.promiseStep ?? ""] ?? "next step"} by ${when(i.promiseAt, c)}` : "";
    return `#${i.number} ${INTENT[i.intent] ?? "request"} (${CATEGORY[i.category] ?? "other"}): ${STATUS[i.status] ?? i.status}, in charge: ${i.staff || "the property service centre"}, logged ${when(i.createdAt, c)}${next}`;
  }).join("\n");
}

const FEE_ITEMS: Record<string, string> = { 物业费: "property fee", 物业服务费: "property fee", 停车费: "parking fee", 车位费: "parking fee", 车位管理费: "parking fee", 水费: "water", 电费: "electricity", 燃气费: "gas", 垃圾费: "rubbish collection", 公摊: "shared utilities", 公摊费: "shared utilities" };

/** The bills of `fee.summary` (param `bills` as JSON: item, period, owed, due). */
function billLines(p: Params, c: RenderContext): string | null {
  let bills: { item: string; period: string; owed: string; due: string }[];
  try { bills = JSON.parse(s(p.bills)) as typeof bills; } catch { return null; }
  if (!Array.isArray(bills) || bills.length === 0) return null;
  return bills.map((b) => `· ${FEE_ITEMS[b.item] ? `${FEE_ITEMS[b.item]} (${b.item})` : b.item} ${b.period}: ${b.owed} yuan, due ${when(b.due, c).replace(/^(today|tomorrow) \d\d:\d\d$/, "$1").replace(/ \d\d:\d\d$/, "")}`).join("\n");
}

const safetyFor = (p: Params) => SAFETY[s(p.advice)] ?? SAFETY[s(p.category)];
const who = (p: Params, fallback = "the property service centre") => (s(p.staff) ? `${s(p.staff)}` : fallback);

export const ENGLISH_TEXTS: Record<string, Text> = {
  "resident.ticket_created": (p, c) =>
    `Your ${INTENT[s(p.intent)] ?? "request"} is logged as #${s(p.number)} (${CATEGORY[s(p.category)] ?? "other"}, ${URGENCY[s(p.urgency)] ?? "routine"}), place: ${s(p.place)}. ` +
    `${who(p)} will contact you by ${when(p.acceptBy, c)}. Send "progress" any time to see where it stands.` +
    (p.urgency !== 1 ? "" : p.threat ? "\nIt is handled as an escalated complaint; the project manager has been told." : p.overran ? "\nThe announced outage should have ended; the duty manager has been alerted and is checking why." : `\n${safetyFor(p) ?? "If anyone is in danger, leave and call 119/110."} The duty manager has been alerted.`),
  "resident.urgent_advice": (p) => `Urgent ticket #${s(p.number)} is being handled; ${who(p, "the staff on duty")} and the duty manager have it, and your message has been passed on. Until help arrives:\n${safetyFor(p) ?? "If anyone is in danger, leave and call 119/110."} Tell me at once if anything changes.`,
  "resident.ticket_accepted": (p) => `Your ticket #${s(p.number)} has been accepted by ${who(p)} and is being arranged.`,
  "resident.ticket_onsite": (p) => `Ticket #${s(p.number)}: ${who(p, "our staff")} is on site.`,
  "resident.ticket_done": (p) => `Ticket #${s(p.number)} is done: ${s(p.resolution)}\nIf anything is still wrong, just reply here; we will also check back with you.`,
  "resident.wait_resumed": (p, c) => `Ticket #${s(p.number)} is back in progress: the appointment for ${when(p.until, c)} no longer applies, and ${s(p.staff) || "the person in charge"} will contact you soon to arrange a visit.`,
  "resident.ticket_waiting": (p, c) => `Ticket #${s(p.number)} is scheduled with you for ${when(p.until, c)}; the deadline clock is paused until then. Reply here if the time changes.`,
  "resident.ticket_feedback": (p) => `Update on ticket #${s(p.number)} (${who(p)}): ${s(p.text)}`,
  "resident.repeat_report": (p) => `Your earlier report #${s(p.number)} is not fixed yet, sorry. It has been escalated and the supervisor${p.intent === "complaint" ? " and the project manager have" : " has"} been told.`,
  "resident.incident_linked": (p) => `A neighbour already reported this problem at ${s(p.place)}: it is ticket #${s(p.number)} and being handled. We will tell you when it is fixed.` + (p.urgency === 1 ? `\nUntil help arrives: ${safetyFor(p) ?? "if anyone is in danger, leave and call 119/110."}` : ""),
  "resident.incident_reopened": (p) => `The problem at ${s(p.place)} (ticket #${s(p.number)}) was fixed lately and has failed again: it is reopened and escalated, and the supervisor has been told. We will tell you when it is fixed.`,
  "resident.incident_done": (p) => `The problem you reported (ticket #${s(p.number)}) is fixed: ${s(p.resolution)}`,
  "resident.duplicate_report": (p) => `This is already logged as ticket #${s(p.number)} and being handled; no need to send it again. Send "progress" to see where it stands.`,
  "resident.accept_late": (p) => `Sorry for the wait: ticket #${s(p.number)} has not been accepted yet. We have chased ${who(p, "the person in charge")}${p.reported === 0 ? "" : " and told the supervisor"}.`,
  "resident.onsite_late": (p) => `Nobody has reached you yet for ticket #${s(p.number)}; we have chased it${p.reported === 0 ? "" : " and told the supervisor"}.`,
  "resident.resolve_late": (p, c) => `Ticket #${s(p.number)} could not be finished today, sorry. It is on the open-work list${s(p.feedbackBy) ? `; ${s(p.staffRole) && s(p.staff) ? s(p.staff) : "your housekeeper"} will update you by ${when(p.feedbackBy, c)}` : ""}${s(p.completeBy) ? `, and it will be finished by ${when(p.completeBy, c)} at the latest` : ""}.`,
  "resident.feedback_late": (p, c) => `Ticket #${s(p.number)} is still being worked on. The housekeeper has been reminded and the supervisor told${s(p.completeBy) ? `; it will be finished by ${when(p.completeBy, c)} at the latest` : ""}.`,
  "resident.complete_late": (p) => `Sorry, ticket #${s(p.number)} is past the completion time we promised. The project manager is now following it up and will contact you.`,
  "resident.resolve_late_urgent": (p) => `Sorry, urgent ticket #${s(p.number)} is not finished yet. The supervisor and the project manager are on it; we will tell you as soon as it is done.`,
  "resident.progress": (p, c) => { const lines = progressLines(p, c); return lines ? `Your open tickets:\n${lines}` : "Your open tickets (details below in Chinese):"; },
  "resident.progress_none": () => `You have no open repair requests or complaints. To report a problem, just describe it, e.g. "the kitchen tap is leaking".`,
  "resident.revisit_question": (p) => `Follow-up on ticket #${s(p.number)}, which was completed: are you satisfied with the result?\nReply 1 satisfied / 2 mostly satisfied / 3 not satisfied`,
  "resident.revisit_thanks": (p) => `Thank you for your feedback! Ticket #${s(p.number)} is closed.`,
  "resident.revisit_unsatisfied": (p) => `Sorry it did not work out. Ticket #${s(p.number)} is reopened and the supervisor has been told. What is still wrong?`,
  "resident.revisit_detail_thanks": (p) => `Noted and passed on; ticket #${s(p.number)} will be handled again soon.`,
  "resident.revisit_comment_thanks": (p) => `Thank you! Your comment is passed on; ticket #${s(p.number)} is closed.`,
  "resident.withdrawn": (p) => `OK, ticket #${s(p.number)} is cancelled as you asked${s(p.staff) ? ` and ${s(p.staff)} has been told` : ""}.`,
  "resident.no_such_ticket": () => `I could not find an open ticket of yours for that. Send "progress" to see your tickets, or describe a new problem.`,
  "resident.detail_added": (p) => `Added to ticket #${s(p.number)} and passed on to ${who(p, "the person in charge")}.`,
  "resident.media_attached": (p) => `Photo received and attached to ticket #${s(p.number)}.`,
  "resident.media_received": () => "Photo received. Please describe the problem in a few words so that I can log it.",
  "resident.inquiry": (p) => `Your question is noted; I cannot answer this kind of question myself yet. ${s(p.staff) ? `Your housekeeper ${s(p.staff)}` : "The property service centre"} will reply to you soon.`,
  "resident.suggestion": () => "Thank you for the suggestion! It is noted and passed on to the customer service supervisor.",
  "resident.praise": () => "Thank you! We will pass it on to the team.",
  "resident.ack": () => "You're welcome. Message me any time.",
  "resident.hello": (_p, c) => `Hello, I am ${c.botName}, the property office's assistant. Tell me about repairs, complaints or fee questions (e.g. "the kitchen tap is leaking"); send "progress" to see your tickets.`,
  "resident.details_private": () => "To protect residents' privacy I cannot give out anyone else's name, phone or other details. Tell me what the problem is (a leak, noise…) and the housekeeper will contact them for you.",
  "resident.staff_only": () => "Sorry, that is a command for property staff. To report or ask something, just describe it.",
  "resident.voice_unsupported": () => "I cannot listen to voice messages yet; please type the problem, thank you!",
  "bind.ask_address": () => `To send your request to your building's housekeeper, please first tell me your home address, e.g. "Building 3, unit 2, room 1201" or "3-2-1201".`,
  "bind.ask_address_pending": () => `Your report is noted. To route it to your home, please first tell me your address, e.g. "Building 3, unit 2, room 1201" or "3-2-1201".`,
  "bind.ask_address_fee": () => `To see fees you need to link your home first: please send your address, e.g. "Building 3, unit 2, room 1201" or "3-2-1201".`,
  "bind.ask_tail": (p) => `Please reply with the last four digits of the phone number on the owner's file, to confirm you live at ${s(p.address)}.`,
  "bind.ask_tail_again": (p) => `To confirm you live at ${s(p.address)} (fees and repairs are shown only to the household), please reply with the last four digits of the phone number on file.`,
  "bind.tail_wait": () => "OK — when you have the last four digits of the phone number on the owner's file, just reply with them (within 30 minutes; after that, send the address again).",
  "bind.tail_format": () => `Please reply with just the last four digits of the phone number on file, e.g. "5678".`,
  "bind.owner_file_outdated": () => "The phone number on the owner file needs updating first: please bring your property certificate (or purchase or tenancy contract) and ID to the front desk, or contact your housekeeper. Once it is updated, send your address here to link your home.",
  "bind.unbound": (p) => `Your link to ${s(p.address)} has been removed: its bills, reminders and notices will no longer come to you, and your housekeeper has been told to update the owner file. Send an address to link a home again.`,
  "bind.unbind_none": () => "You have no linked home, so there is nothing to unlink.",
  "bind.unbind_which": (p) => `You are linked to several homes: ${s(p.homes)}. Tell me which one to unlink, e.g. "unlink Building 3, Unit 2, 1201".`,
  "bind.success": (p) => `Linked! Your home is ${s(p.address)}. ${s(p.staff) ? `Your housekeeper is ${s(p.staff)}` : "The property service centre looks after your home"}; tell me here whenever you need anything.`,
  "bind.wrong": (p) => `Those four digits do not match the owner's file; ${s(p.tries)} more ${Number(p.tries) === 1 ? "try" : "tries"}.`,
  "bind.locked": (p, c) => `Too many wrong tries: linking this home is locked until ${when(p.until, c)} to protect the residents. Please contact the front desk if you need help.`,
  "bind.need_unit": (p) => `There is more than one ${s(p.address)}: which unit? e.g. "unit 2".`,
  "bind.need_room": () => "Please also send the unit and flat number, e.g. 2-1201.",
  "bind.unknown_household": (p) => `I found no owner's file for ${s(p.address)}. Please check the building, unit and flat (e.g. 3-2-1201) or contact the front desk.`,
  "bind.no_phone": (p) => `The owner's file of ${s(p.address)} has no phone number, so it cannot be verified online. Please come to the front desk with proof of identity.`,
  "bind.need_for_fee": () => "To see fees you need to link your home first. Please send me your address in a private chat.",
  "bind.need_in_group": () => "For your privacy, please link your home in a private chat first; I have messaged you.",
  "bind.sent_privately": () => "I have messaged you privately to link your home.",
  "fee.sent_privately": () => "I have sent you the details in a private chat.",
  "fee.summary": (p, c) => {
    const bills = billLines(p, c);
    if (!s(p.lines)) return `${s(p.address)} has no unpaid fees. Thank you! Payment channels are listed below.`;
    return bills ? `Unpaid fees of ${s(p.address)}: total ${s(p.total)} yuan:\n${bills}\nPayment channels are listed below.` : `Unpaid fees of ${s(p.address)}: total ${s(p.total)} yuan (items below). Payment channels are listed below.`;
  },
  "fee.reminder": (p) => `Hello from the property service centre: ${s(p.address)} has ${s(p.months)} month(s) of fees unpaid, ${s(p.total)} yuan in total.${s(p.channels) ? ` Ways to pay: see below.` : ""} If you have already paid, please ignore this (or reply "paid"); if you have a question about it, just reply${s(p.staff) ? ` or contact your housekeeper ${s(p.staff)}` : ""}.`,
  "resident.revisit_sent_privately": () => "Got your answer to the follow-up; I have replied privately.",
  "resident.withdrawn_linked": (p) => `OK, noted that your home no longer needs it. #${s(p.number)} (${s(p.summary)}) stays open for the other households waiting on it.`,
  "resident.false_alarm_linked": (p) => `The neighbour who first reported #${s(p.number)} (${s(p.place)}) says it was a false alarm ("${s(p.text)}"), so it is called off. If you still see smoke, smell something or anything else is wrong, tell me at once.`,
  "resident.withdrawn_group": (p) => `Noted: #${s(p.number)} is called off as its reporter said; details sent privately.`,
  "resident.reports_info": () => "The office's daily, weekly and monthly reports are internal and go to staff only. Every quarter the office publishes a management report to all owners (requests handled, complaints, satisfaction and fee collection, as totals) in the community group. For anything in particular, just ask me or your housekeeper.",
  "fee.how_to_pay": (p) => `How to pay: ${s(p.channels)}\nTo see your own bills and arrears, link your home first in a private chat (send your address, e.g. "Building 3, Unit 2, 1201").`,
  "fee.pay_later_ack": (p) => `OK, I have told ${s(p.staff) ? `your housekeeper ${s(p.staff)}` : "the property service centre"}; they will agree a payment date with you. Thank you!`,
  "fee.paid_claim_ack": (p) => `Thanks, I have asked ${s(p.staff) ? `your housekeeper ${s(p.staff)}` : "the property service centre"} to check the payment records.`,
  "fee.question_ticket": (p, c) => `Your fee question is logged as #${s(p.number)}; ${s(p.staff) ? `your housekeeper ${s(p.staff)}` : "the property service centre"} will check the bill and contact you by ${when(p.acceptBy, c)}.`,
  "survey.question": (p) =>
    (p.first ? `Hello from the property service centre: your household was picked at random for a short satisfaction survey (${s(p.total)} questions, about a minute).\n` : "") +
    `Question ${s(p.index)}/${s(p.total)}: are you satisfied with "${s(p.service)}"? Reply 1 satisfied / 2 mostly satisfied / 3 not satisfied, or "skip".`,
  "survey.ask_comment": () => `Finally, any comments or suggestions for the property office? Just reply; problems you mention will be logged. Reply "none" if not.`,
  "survey.thanks": () => "Thank you for taking part in the satisfaction survey!",
  "survey.thanks_ticket": (p) => `Thank you for taking part! The problem you mentioned is logged as ticket #${s(p.number)}.`,
  "notice.outage_answer": (p, c) => `This is a planned outage the property office announced (${when(p.from, c)} – ${when(p.to, c)}; notice below). If it is not back after that, or you see a leak or smell, tell me at once.`,
  "notice.outage_upcoming": (p, c) => `The property office has announced a planned outage (${when(p.from, c)} – ${when(p.to, c)}; notice below). Please prepare for it; if it is not back after that, tell me at once.`,
  "message.empty": () => "I received no text; please describe the problem.",
  "message.too_long": (p) => `The message is too long (${s(p.length)} characters); please describe the problem in under ${s(p.max)}. Your message is saved.`,
  "error.unknown": () => "Sorry, something went wrong on our side. Your message is saved and we will handle it.",
};
