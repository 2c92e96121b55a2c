// The support-desk benchmark tasks: what a support agent asks, turn by turn, and the facts a correct final answer
// contains. Categories follow the workload the benchmark needs (issue 5): independent lookups, dependent chains,
// long sessions whose last turn needs an early fact, lookups repeated across tasks, a very slow tool the answer
// does not need, hard multi-step tasks only the big model gets right, and tasks where the model repeats itself.

export type TaskCategory =
  | 'independent-lookups'
  | 'dependent-chain'
  | 'session'
  | 'repeated-lookup'
  | 'slow-tool'
  | 'hard'
  | 'looping'
  | 'not-found'
  | 'knowledge-base'
  | 'action';

export interface SupportDeskTask {
  id: string;
  category: TaskCategory;
  /** One message for a single-turn task; 6–10 for a session, run in order on one conversation. */
  turns: string[];
  /** Facts the final answer must contain (case-insensitive). */
  expectedFacts: string[];
  /** Needs multi-step reasoning: the small model gets it wrong. */
  hard?: boolean;
}

export const supportDeskTasks: readonly SupportDeskTask[] = [
  {
    id: 'lookup-overview-ada',
    category: 'independent-lookups',
    turns: ['Give me an overview of customer C-1001: their tier, their orders and their open tickets.'],
    expectedFacts: ['gold', 'O-5001', 'O-5002', 'O-5003', 'T-301'],
  },
  {
    id: 'lookup-phone-grace',
    category: 'independent-lookups',
    turns: ['Customer C-1002 is on the phone. What is their email, which orders have they placed, and do they have open tickets?'],
    expectedFacts: ['grace@hopper.example', 'O-5004', 'O-5005', 'T-303'],
  },
  {
    id: 'lookup-account-alan',
    category: 'independent-lookups',
    turns: ['Pull up the account of customer C-1003 with their orders and tickets.'],
    expectedFacts: ['Alan Turing', 'O-5006', 'no open tickets'],
  },
  {
    id: 'chain-where-O-5002',
    category: 'dependent-chain',
    turns: ['Where is order O-5002?'],
    expectedFacts: ['Parcelway', 'in transit', '2026-11-23'],
  },
  {
    id: 'chain-carrier-O-5005',
    category: 'dependent-chain',
    turns: ['The customer asks where order O-5005 is. Which carrier has it and when will it arrive?'],
    expectedFacts: ['NordPost', 'held at customs', '2026-11-27'],
  },
  {
    id: 'chain-latest-order-grace',
    category: 'dependent-chain',
    turns: ['Where is the most recent order of customer C-1002?'],
    expectedFacts: ['O-5005', 'held at customs'],
  },
  {
    id: 'chain-latest-order-barbara',
    category: 'dependent-chain',
    turns: ['Track the latest order of customer C-1006 for me.'],
    expectedFacts: ['O-5011', 'Bristol depot', '2026-11-22'],
  },
  {
    id: 'chain-by-name-ada',
    category: 'dependent-chain',
    turns: ["Has Ada Lovelace's most recent order shipped yet?"],
    expectedFacts: ['O-5003', 'not shipped'],
  },
  {
    id: 'chain-not-shipped-O-5003',
    category: 'dependent-chain',
    turns: ['Has order O-5003 shipped yet?'],
    expectedFacts: ['O-5003', 'not shipped'],
  },
  {
    id: 'session-alan',
    category: 'session',
    turns: [
      "I'm helping customer C-1003 today. Can you pull up their profile?",
      'What orders do they have?',
      'Where is that order right now?',
      'Do they have any open tickets?',
      'What does the knowledge base say about changing a delivery address?',
      'And how long is our return window after delivery?',
      "Before I hang up: what is the customer's email address again?",
    ],
    expectedFacts: ['alan@turing.example'],
  },
  {
    id: 'session-ada',
    category: 'session',
    turns: [
      'Hi! I have customer C-1001 on the line. What membership tier are they?',
      'Where is their order O-5002?',
      'Do they have any open tickets?',
      'What does ticket T-301 relate to? Follow the references.',
      'What is our refund policy for damaged items?',
      'Which orders has she placed in total?',
      'Has order O-5003 shipped yet?',
      'Remind me which carrier is handling order O-5002?',
    ],
    expectedFacts: ['Parcelway'],
  },
  {
    id: 'session-katherine',
    category: 'session',
    turns: [
      "I'm working on customer C-1004's account. Which membership tier do they have?",
      'Show me their open tickets.',
      'What is our refund policy for broken items?',
      'Where is order O-5008?',
      'Search the knowledge base for damaged items.',
      'Which tier did you say she has again?',
    ],
    expectedFacts: ['gold'],
  },
  {
    id: 'session-edsger',
    category: 'session',
    turns: [
      'Customer C-1005 is calling about a refund. Pull up their profile.',
      'What orders do they have?',
      'Do they have any open tickets?',
      'Where is order O-5010?',
      'Where is order O-5009?',
      'What does the knowledge base say about the return window?',
      'What is our refund policy?',
      'Does the customer have any other open tickets?',
      'What is their email address?',
      'What was the total of order O-5009 again?',
    ],
    expectedFacts: ['151.00'],
  },
  {
    id: 'repeat-return-window',
    category: 'repeated-lookup',
    turns: ['How long is our return window after delivery?'],
    expectedFacts: ['30 days'],
  },
  {
    id: 'repeat-damaged-policy',
    category: 'repeated-lookup',
    turns: ['What do we refund when an item arrives damaged?'],
    expectedFacts: ['shipping fee', '90 days'],
  },
  {
    id: 'repeat-email-ada',
    category: 'repeated-lookup',
    turns: ['What is the email address of customer C-1001?'],
    expectedFacts: ['ada@lovelace.example'],
  },
  {
    id: 'repeat-where-O-5002',
    category: 'repeated-lookup',
    turns: ['Customer C-1001 asks about order O-5002 again: where is it now?'],
    expectedFacts: ['Parcelway', 'in transit'],
  },
  {
    id: 'slow-briefing-barbara',
    category: 'slow-tool',
    turns: ['Prepare a call briefing for customer C-1006: profile, orders, open tickets, and product recommendations if available.'],
    expectedFacts: ['Barbara Liskov', 'O-5011', 'no open tickets'],
  },
  {
    id: 'slow-briefing-katherine',
    category: 'slow-tool',
    turns: ['Prepare a briefing for customer C-1004 with their profile, open tickets and any product recommendations.'],
    expectedFacts: ['gold', 'T-304'],
  },
  {
    id: 'hard-refund-katherine',
    category: 'hard',
    hard: true,
    turns: [
      'Customer C-1004 wants to return orders O-5007 and O-5008; the glass carafe in O-5008 arrived damaged. ' +
        'Under our refund policy, how much do we refund in total?',
    ],
    expectedFacts: ['95.00'],
  },
  {
    id: 'hard-refund-edsger',
    category: 'hard',
    hard: true,
    turns: ['Customer C-1005 wants to send back everything from order O-5009. How much should we refund?'],
    expectedFacts: ['85.00'],
  },
  {
    id: 'hard-eligibility-O-5004',
    category: 'hard',
    hard: true,
    turns: ['Is order O-5004 still eligible for a return?'],
    expectedFacts: ['not eligible', '48 days'],
  },
  {
    id: 'loop-kb-international-warranty',
    category: 'looping',
    turns: ['Find the knowledge-base article about international warranty claims.'],
    expectedFacts: ['could not find', 'international warranty'],
  },
  {
    id: 'loop-ticket-order-references',
    category: 'looping',
    turns: ['Which order is ticket T-305 linked to? Follow the references.'],
    expectedFacts: ['O-5010', '26.99'],
  },
  {
    id: 'not-found-O-5999',
    category: 'not-found',
    turns: ['Where is order O-5999?'],
    expectedFacts: ['O-5999', 'could not find'],
  },
  {
    id: 'kb-change-address',
    category: 'knowledge-base',
    turns: ['What does the knowledge base say about changing a delivery address after the order has shipped?'],
    expectedFacts: ['contact the carrier'],
  },
  {
    id: 'action-escalate-T-304',
    category: 'action',
    turns: ['Please escalate ticket T-304 because the replacement carafe is out of stock.'],
    expectedFacts: ['ESC-T-304'],
  },
];
