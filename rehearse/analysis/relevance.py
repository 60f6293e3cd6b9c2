"""Does the story fit the question? Each of the guide's 25 questions asks about one
competency (mentoring someone, a disagreement, a migration...). Each has cue phrases that
a story about it uses, written from what the question asks, not from any answer's wording:
"mentor", "junior", "helped her grow" for Q13. The answer's evidence for a question is
the sum of the weights of the distinct cues it holds; the defining words weigh 2.

A story fits when it holds enough of the asked question's evidence (see the thresholds
below); it is off topic when it holds next to none of it and is clearly about another
question; anything between is unsure, and is said as such (naming the other question when
the answer leans to it). Every verdict names the words that caused it.

Cue phrases know only the wording they were written for. A learned model
(analysis.relevance_model, trained on answers written for each question in many words)
reads the whole answer too: a story also fits when the model gives the asked question
P_FITS or more. Below that it is off topic when the model places the story elsewhere and
gives the asked question's category little (see the thresholds), and unsure when it cannot
place it, or places it on a sibling question of the same category. Findings
quote the cue words, or else the sentence the model read as most about the question; the
model's single words are not shown (see relevance_model).

Pure and deterministic: regular expressions over the sentences and a sum of learned
weights, a few milliseconds.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from rehearse import prompts
from rehearse.analysis.relevance_model import Reading, TopicModel, read

# Thresholds, set on the development answers (eval/relevance/dev.json and the guide's 25
# answers, each crossed with all 25 questions: python -m eval.relevance_eval). A story
# fits when its evidence for the question reaches FITS_AT, holds at least MIN_STRONG of
# the defining cues, and is at least SHARE_OF_BEST of its evidence for the question it
# fits best (a long incident story mentions "feature" and "sprint", but it is not about
# balancing them), unless it holds STRONG_ENOUGH defining cues. It is off topic when
# another question's evidence reaches OTHER_AT and beats the asked one by MARGIN, and the
# asked one's is at most OFF_TOPIC_HOLDS_AT_MOST; anything else is unsure.
FITS_AT = 3
MIN_STRONG = 1
SHARE_OF_BEST = 0.4
# Two of the question's defining cues are enough whatever else the story is about: a
# deadline story that says "deadline" and "cut the scope" also answers "juggling priorities"
# when it says "prioritized" and "at the same time".
STRONG_ENOUGH = 2
# Another question's evidence counts as what the story is about once it is as much as a
# fitting story needs (OTHER_AT = FITS_AT). It was 4 until the second held-out set, worded
# unlike our cues, showed that stories about another question often hold only 3: they
# were left unsure (58.7% caught) where they were plainly about something else.
OTHER_AT = FITS_AT
MARGIN = 2
# "Off topic" is said only when the answer holds at most this much of what was asked (one
# weak cue such as "team" is chance). A story about another question that also holds some
# of the asked one's cues is unsure: it "may be more about" the other. The third held-out
# set, worded unlike our cues, showed why: 4 of its 33 answers to their own question were
# called off topic, a side theme (a deadline, a check-in) outweighing the 0 to 2 points
# they held of the asked one (python -m eval.relevance_eval --set heldout3); with this
# limit 1 of 33 is, the one that holds none.
OFF_TOPIC_HOLDS_AT_MOST = 1
# The learned model's part, chosen on leave-one-writer-out predictions (each writer's
# answers, dev, the six seen held-out sets and the guide's, read by a model trained
# without them: python -m eval.relevance_eval --set dev+seen6 --cv). A story fits when the
# model gives the asked question at least P_FITS, a little over chance among 25. It is off
# topic when the model gives the asked question less than half of chance (OFF_BELOW, since
# the sixth round below), places the
# story elsewhere (another question at OFF_LEANS_AT or more) and gives the asked
# question's category under TOPIC_OFF. Anything else is unsure: a story the model cannot
# place, one about a sibling question of the same category (a disagreement of your own
# told for "mediate a conflict between others"), or one just around chance.
# The fourth round chose these: the third's rule (fits from 0.1; off topic only when
# another question had 0.3 and the category at most 0.2) left a fifth of the off-topic
# stories "unsure": 79.2% caught, 92.8% of answers fitting their own question, 4 of 278
# called off topic. These, with the round's training answers: 91.1% caught, 97.5%
# fitting, 3 called off topic. An off-topic finding names the other question only when
# the model gives it LEANS_AT or more (and more than the asked one): a story far from
# every question leans a little to one at random.
# The fifth round (dev+seen7, cross-validated) added OTHER_TOPIC_TIMES: off topic also
# needs the category of the question the story leans to (the one the finding names) to
# hold at least twice the asked one's share. A right answer the model reads as a near tie
# between two categories (an incident told as leadership) is then unsure, not off topic:
# 6 to 5 of 328 right answers called off topic, 93.1% to 92.1% of off-topic stories
# caught. It also leaves a story that leans to a sibling of the asked question unsure,
# as the rule above says (before, a sibling with a small share could still fail it).
# The sixth round lowered OFF_BELOW from 0.04: right answers from outside software were
# failed as off topic, told in words the model reads as another question's. On 100 such
# answers by two helpers (trades, care work, hospitality), the fifth round's model failed 7;
# trained with them (each helper's 50 read by a model trained on the other's), 4 at 0.04
# and 2 at 0.02. On the seen sets (dev+seen8, cross-validated by writer) 7 of 378 were
# failed before this round, 1 now. The off-topic stories it now only warns about are still
# flagged: caught or unsure 94.5% to 94.4% (the 100: 89.5% to 90.4%); caught as off topic
# 92.2% to 89.7% (83.4% to 73.6%).
# The tenth round trained the model on every held-out set scored so far (9 to 13: 250
# answers, most from outside offices; held-out 13 had shown the model failing right
# answers told far from software) and lowered OFF_BELOW from 0.02, cross-validated by
# writer on dev+seen13 (python -m eval.relevance_eval --set dev+seen13 --cv): the model
# before, 96.7% of answers fitting their own question, 0.5% called off topic, 2.2% of
# on-topic pairs called off topic, 86.0% of off-topic pairs caught, 93.6% caught or
# unsure; retrained at 0.02: 97.9%, 0.8%, 1.9%, 90.1%, 95.3%; at 0.015: 97.9%, 0.5%, 1.2%,
# 88.0%, 95.3% (every figure the same or better); at 0.01: 97.9%, 0.2%, 0.9%, 84.2%, 95.3%.
P_FITS = 0.05
# The eleventh round: a story the model gives the asked question under P_SURE_FITS, while
# it gives another LEANS_AT or more and OUTWEIGHED_TIMES as much, is unsure, not a fit
# (cross-validated by writer on dev+seen16, in the README).
P_SURE_FITS = 0.1
OUTWEIGHED_TIMES = 4
OFF_BELOW = 0.015
OFF_LEANS_AT = 0.1
TOPIC_OFF = 0.5
OTHER_TOPIC_TIMES = 2
LEANS_AT = 0.3
# A few sentences give the model too little to read (the cues alone judge them): it counts
# from this many known features, about 60 spoken words.
MODEL_FROM_FEATURES = 25


@dataclass(frozen=True)
class Competency:
    question_id: str
    asks: str  # what the question asks about, after "The question asks about"
    about: str  # what a story of this kind is about, after "your answer is about"
    do: str  # what to say so the story fits, after ": "
    cues: tuple[tuple[str, int], ...]  # (regular expression, weight)


def _c(question_id: str, asks: str, about: str, do: str, strong: str, cues: str) -> Competency:
    """`strong` and `cues` are "|"-separated patterns; `*` ends a word stem. A cue matches
    from the start of a word, so it also takes in longer words (plurals, tenses); one that
    other words begin with ends in \\b ("bots?\\b", or "I timed both" is automation)."""
    def patterns(text: str, weight: int):
        return tuple((p.strip(), weight) for p in _top_level(text) if p.strip())
    return Competency(question_id, asks, about, do, patterns(strong, 2) + patterns(cues, 1))


def _top_level(text: str) -> list[str]:
    """Split at the "|" that are not inside parentheses."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "|" and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return parts + [text[start:]]


_INCIDENT = ("outage*|incident*|went down|was down|downtime|production issue*|errors? for|"
             "timing out|timed out|failing|failed over|alert*|paged|on call|on-call|postmortem*|post-mortem*|"
             "restor*|rolled? back|roll back|rollback|recover*")

# Balancing work (Q8, Q17), not a bank's "balance transfers" or "balance sheets".
_BALANCE = "balanc(?:e|ed|es|ing)(?! (?:transfers?|sheets?))\\b"

COMPETENCIES: dict[str, Competency] = {c.question_id: c for c in (
    _c("Q1", "leading a critical production fix under pressure", "leading a production fix",
       "say what broke in production and how you led the fix",
       "outage*|incident*|war room|production fix*|on[- ]call|went down|was down|timing out|timed out|took charge|"
       "took the lead|(?:started|began) (?:failing|declining|rejecting|crashing)",
       _INCIDENT + "|coordinat*|led the|assigned|every \\w+ minutes|status update*|under pressure"),
    _c("Q2", "leading a team through a technical migration or change", "leading a migration",
       "say what you moved from and to, and how you brought the team through it",
       "migrat*|moved? \\w+ (?:services?|systems?|teams?|apps?|data) (?:from|to)|cutover|cut over",
       "replac*|move (?:from|to)|moving (?:from|to)|transition*|in waves|wave by wave|pilot|rollout|roll out|"
       "legacy|old system|new platform|workshops?|checklist|lead the|led the"),
    _c("Q3", "a decision made without complete information", "a decision made with incomplete information",
       "say what you did not know, and how you decided anyway",
       "incomplete|without (?:all|complete|enough|full)|(?:could not|couldn't|did not|didn't) (?:know|tell|reproduce)|"
       "half the facts|uncertain*|unknown*",
       "decid*|decision|assum*|reversible|risk*|fall ?back|feature flag|deadline for the decision|what we knew|"
       "what (?:i|we) did not know|no way to know|best guess|hold (?:just|only)|revisit"),
    _c("Q4", "a disagreement you had with a team member or stakeholder", "a disagreement with a colleague",
       "say who you disagreed with, about what, and how you worked it out",
       # (Said on a site: "we didn't think that was safe... we're no doing that", "he was raging",
       # an apprentice's story, read as about mentoring; a tryout's.)
       "disagree*|disagreement*|clash*|argu*|conflict*|(?:didn't|did not|wouldn't|would not) (?:think|agree)|"
       "(?:we're|we are|i'm|i am) (?:no|not) doing (?:that|it)|refused to|stood (?:my|our) ground",
       "awkward|raging|furious|annoyed|not happy|wasn't safe|(?:was|is) not safe|said no|"
       "pushed back|push back|objected|(?:her|his|their) (?:reasons|concern*|point of view|side)|one[ -]on[ -]one|"
       "one to one|compromise|common ground|agreed|convinc*|persuad*|tension|relationship|heated|personal"),
    _c("Q5", "giving difficult feedback to a peer or direct report", "giving difficult feedback to a colleague",
       "say what feedback you gave, to whom, and how they took it",
       "feedback|difficult conversation|hard conversation|raise it|raised it|direct report*|"
       "(?:needed|had|wanted) to tell (?:him|her|them)|private (?:meeting|conversation|chat)",
       "privately|in private|one[ -]on[ -]one|one to one|specific examples?|concrete examples?|behaviou?r|"
       "complain*|effect on the team|(?:i|we) agreed (?:he|she|they) would|check(?:ed)? in with (?:him|her|them)|"
       "peer|reports? to me|i manage|performance"),
    _c("Q6", "mediating a conflict between other team members", "mediating a conflict between others",
       "say who was in conflict, and how you helped them settle it",
       "mediat*|conflict between|between (?:the )?two|both sides|(?:two|both) (?:engineers|colleagues|teammates|of them)|"
       "(?:take|taking|took) (?:a |their )?sides?|both (?:came|asked|wanted)|"
       "(?:talked|spoke) (?:to|with) each (?:of them|side)|each of them (?:alone|separately|privately)",
       "conflict*|tension|each of them|separately|(?:stopped|not) speaking|take (?:a |their )?side*|"
       "brought them together|in one room|ground rules?|disagree*|argu*|clash*"),
    _c("Q7", "choosing a technology or architecture, and how you decided", "choosing a technology",
       "say which options you compared, how, and why you chose one",
       "architectur*|(?:chose|choose|choosing|picked) (?:between|a|an|the)|compar*|evaluat*|prototyp*|spike",
       "options?|trade-?offs?|framework*|database*|library|libraries|platform|vendor*|cloud|queue*|"
       "cost*|latency|benchmark*|decision record|recommend*|criteria|requirements|needs"),
    _c("Q8", "a trade-off between technical debt and delivering features", "balancing technical debt against features",
       "say what the debt was, what the features needed, and how you balanced them",
       "technical debt|tech debt|(?:code|codebase) (?:had|with) no tests|refactor*|legacy code",
       "features?|trade-?offs?|" + _BALANCE + "|regressions?|quarter|roadmap|product (?:team|manager)|"
       "fix(?:ing)? (?:regressions|bugs)|clean(?:ing)? up|pay(?:ing)? (?:it )?down|rewrite|"
       "tangled|untangl*|spaghetti|messy|brittle|fragile|hard to change"),
    _c("Q9", "a technical decision you later regretted, and what you learned", "a decision you regretted",
       "say which decision you regret, why, and what you learned",
       "regret*|mistake\\b|wrong (?:call|choice|decision)|in hindsight|looking back|should have|should not have|"
       "shouldn't have",
       "lesson*|learn(?:ed|t)|own(?:ed)? (?:the|my|it)|went wrong|backfired|undo|revert*|merg(?:e|ing) \\w+ back|"
       "next time|i now|today i"),
    _c("Q10", "automating manual work to improve a process", "automating manual work",
       "say what was done by hand, and what you automated",
       "automat*|by hand|manual*|script*",
       "scheduled|cron|nightly|bots?\\b|pipeline|tool|hours? (?:of|a|each|every) (?:work|week|month|day)|"
       "took (?:\\w+ )?(?:hours|days)|spreadsheet*|copy(?:ing)? and past|repetitive|tedious|every (?:week|month)"),
    _c("Q11", "finding and solving a bottleneck in your team's workflow", "removing a bottleneck",
       "say where work got stuck, how you found it, and what you changed",
       "bottleneck*|waiting|wait time|slow*|queue*|throughput|profil*",
       "profil*|took (?:\\d+|\\w+) (?:minutes|hours|days)|average|cycle time|lead time|faster|parallel|"
       "workflow|reviews?|pipeline|stuck|blocked|delays?|had to wait|the wait\\b|free(?:d)? up|overwhelm*|"
       "held up|hold-?ups?|swamped|pil(?:ed|ing) up|piles? of"),
    _c("Q12", "introducing a new tool, practice or methodology to your team", "introducing a new practice",
       "say what you introduced, how you got the team to try it, and whether it stuck",
       # (Outside offices a tool is suggested and tried: "I suggested to the committee that we
       # try a card reader... We tested it at the summer fair", failed as off topic; a tryout's.)
       "introduc*|adopt*|new (?:tool|practice|process|methodology|framework)|"
       "suggested (?:to (?:the |our |my )?\\w+ )?(?:that )?we (?:try|use|start|switch)|(?:started|start) using",
       "template|tried it|try it|tested it|switched (?:to|over)|the new way|"
       "pilot|demo*|rolled? out|roll(?:ed)? it out|convinc*|worried|resist*|"
       "mandatory|every new|became (?:part|standard)|stuck|habit|workshop*|feature flags?|design doc*"),
    _c("Q13", "mentoring someone or helping them grow their skills", "mentoring someone",
       "say who you helped grow, how, and how far they came",
       # (Outside software the one helped is a new starter, a trainee: a warehouse
       # supervisor's story of training twenty-five new starters read as unsure.)
       # (Not the speaker's own apprenticeship: "I was a third-year apprentice" opened a
       # disagreement with a foreman, read as mentoring; a tryout's.)
       "mentor*|junior|graduate|new hire|new starters?|trainees?|intern\\b|interns\\b|coach*|"
       "(?<!i was an )(?<!i was a )(?<!i was a first-year )(?<!i was a second-year )(?<!i was a third-year )"
       "(?<!i was a fourth-year )apprentice|"
       "grow (?:his|her|their)\\b|"
       # (And in the forces and the trades: "an intake of forty new recruits", "a sergeant
       # instructor"; a tryout's story of training recruits read as unsure.)
       # (The speaker as the instructor: "the instructor sat with me" is one's own learning; a
       # review's.)
       "recruits?\\b|cadets?\\b|an intake\\b|i was (?:an?|the) (?:[\\w-]+ )?instructor|(?:sergeant|driving|workshop) instructor",
       "pair(?:ed|ing)? (?:with )?(?:him|her|them)|taught|teach*|confidence|grow|growth|learn(?:ed|ing)? (?:to|from)|"
       "sat with (?:him|her|them)\\b|(?:weaker|slower|newer) ones|"
       "passed (?:their|his|her) (?:driving |first |final )?(?:test|exam|assessment)s?|"
       "showed (?:him|her|them)(?: \\w+)? how|train(?:ed)? (?:him|her|them)\\b|"
       "every (?:week|friday|monday)|weekly|first (?:ticket|pull request|feature)s?|on (?:his|her|their) own|promot*|"
       "career|struggl*"),
    _c("Q14", "creating documentation, a knowledge base or runbooks", "writing documentation",
       "say what knowledge was missing, what you wrote down, and how it helped",
       "document*|runbooks?|knowledge base|wiki|playbooks?|written down|write (?:it|that) down|onboarding guide",
       "guide|step by step|how-?to|page|readme|in (?:their|his|her|people's) heads|onboarding|"
       "kept (?:it )?(?:current|up to date)|stays? current|new hires?"),
    _c("Q15", "sharing knowledge across teams or with the wider engineering organization", "sharing knowledge across teams",
       "say what you shared, with which teams, and what they did with it",
       "across (?:the )?(?:teams|company|organi[sz]ation|department)|other teams|(?:gave|give|giving) a talk|guild|"
       "internal (?:forum|conference|talk|meetup)|brown ?bag|lunch and learn|tech talk",
       "talks?|present*|shared|sharing|community|forum|meetup|library|package|open.?source|blog|"
       "(?:three|four|five|several|many) teams|company|department|adopt*"),
    _c("Q16", "your response to a critical production incident, and your process", "responding to a production incident",
       "walk through the incident, step by step, and your process",
       "incident*|outage*|postmortem*|post-mortem*|root cause|on[- ]call|went down|was down|timing out|timed out|"
       "(?:started|began) (?:failing|declining|rejecting|crashing)",
       _INCIDENT + "|declared|incident commander|severity|triage|mitigat*|runbook*|process|"
       "status (?:page|update*)|logs?\\b|monitoring|dashboards?"),
    _c("Q17", "balancing a production issue against planned feature work", "balancing a production issue against features",
       "say what the issue cost, what the features needed, and how you split the work",
       "(?:feature|planned|sprint|roadmap) (?:work|commitment*|feature*)|" + _BALANCE + "|instead of the feature|"
       "while the rest|pull(?:ed)? (?:\\w+ )?(?:onto|off)",
       "bug|leak|issue|incident|outage|production|sprint|launch|release|feature*|priorit*|"
       "re-?plan*|slack|delay*|pause|on schedule|on time|estimat*"),
    _c("Q18", "delivering a critical project under a tight deadline", "delivering under a tight deadline",
       "say what the deadline was, what was at stake, and how you made it",
       "deadline*|tight (?:timeline|schedule)|(?:\\w+|\\d+) (?:days|weeks) (?:to|left|before)|time pressure|"
       "moved (?:the date|\\w+ forward)",
       "cut (?:the )?scope|scope|milestones?|on time|ahead of|before the|early|daily|check-?in*|"
       "blockers?|crunch|long hours|at stake|fines?|launch|delivered|finish(?:ed)?"),
    _c("Q19", "managing several high-priority tasks at once, and how you prioritized", "juggling several priorities",
       "say what competed for your time and how you chose the order",
       # (Said outside offices: "three big things in the same week... decide first what cannot
       # move", unsure beside "a tight deadline"; a tryout's.)
       "priorit*|at the same time|at once|simultaneous*|juggl*|competing|all (?:as )?(?:top|high) priority|"
       "in the same (?:week|day|morning|night)|(?:could|can|would)(?:not|n't| not) move",
       "listed|(?:a|the) list|order|first|then|urgent|important|deadlines?|delegat*|asked (?:a colleague|someone)|"
       "(?:two|three|four|five) (?:big |urgent |important )?(?:things|tasks|jobs)|manager|cost of (?:being )?late|slip*"),
    _c("Q20", "working with a team outside engineering (product, sales, support...) toward a goal",
       "working with a team outside engineering",
       "say which non-engineering team you worked with, and what you achieved together",
       "sales|support (?:team|agents?|lead|engineers?|tickets?)|marketing|finance|legal|customer success|"
       "operations team|(?:non-?technical|business) (?:team|colleagues|people|stakeholders)",
       "their team|sat with|join(?:ed)? (?:\\w+ )?(?:their|of their)|customers?|tickets?|demos?|deals?|"
       "trained|plain language|wording|together|their (?:tool|process|planning)|product manager|designers?"),
    _c("Q21", "influencing a decision without direct authority", "influencing without authority",
       "say what you wanted changed, who decided, and how you won them over",
       "(?:no|without|had no|didn't have|did not have) (?:direct |formal )?(?:authority|say|power)|"
       "(?:not|wasn't|was not) my (?:decision|call|team)|influenc*|persuad*|convinc*|buy-?in",
       "proposal|propos*|data|evidence|stakeholders?|director|managers|approved|accepted|agreed|"
       "adopt*|respected|allies|ally|asked .{0,30} for feedback|roadmap"),
    _c("Q22", "receiving constructive criticism, and how you responded", "receiving criticism",
       "say what criticism you received, how it felt, and what you changed",
       "criticism|critici[sz]ed|(?:gave|give|told) me (?:some )?(?:feedback|that)|told me (?:my|i)|"
       # ("took me aside and told me, quite bluntly, that my briefings were too long": a
       # tryout's, read as unsure)
       "took me aside and told me|told me,? (?:[\\w]+,? ){1,3}that my \\w+ (?:was|were) (?:too|not)\\b|"
       "feedback (?:on|about) my|my (?:review|performance review)|hard to hear|defensive|"
       "(?:said|wrote|mentioned|pointed out|noted) that i\\b",
       "feedback|my (?:code|design|documents?|reviews?|work)|i asked (?:him|her|them) (?:for|to show)|"
       "examples|took it|changed how i|i changed|i started|improv*|next review|surpris*|hurt|peer review|"
       "(?:my|the) manager told|colleague told"),
    _c("Q23", "giving feedback to someone more senior than you", "giving feedback to someone senior",
       "say which more senior person you gave feedback to, what it was, and how you said it",
       "more senior|(?:far|much|two levels|levels) (?:more senior|above)|my (?:manager's manager|skip[- ]level|director|boss|vp)|"
       "(?:the|our) (?:director|vice president|vp|cto|ceo|head of)|senior to me|principal|"
       # (More experienced than the speaker: "paired them with my more experienced drivers" is
       # mentoring; a tryout's.)
       "(?:years|decades) (?:of )?experience|more experienced than (?:me|i|us)\\b|(?:the|our) most experienced|"
       # (Rank and the posts above one outside offices: a sergeant's lieutenant, a nurse's
       # consultant, a cook's head chef; a tryout's "disagreed with someone above you" story was
       # called off topic.)
       # (Not "major": "a major problem", "my major was"; nor "above me": "the flat above me";
       # a review's.)
       "(?:someone|somebody|people|those|the people) above (?:me|you|us)|my (?:superior|senior officer|"
       "commanding officer|officer|lieutenant|captain|colonel|consultant|head chef|matron|headteacher|"
       "head teacher|senior partner|supervisor's boss)|(?:a|the|our) (?:young |new |newly arrived )?(?:lieutenant|"
       "captain|colonel|consultant|head chef|matron|headteacher|head teacher|senior partner)",
       "feedback|told (?:him|her|them)|tell (?:him|her|them)|raise it|raised|asked for (?:\\w+ )?minutes|"
       "prepared|respectful*|calmly|risk|(?:he|she) listened|thanked|not happy|even though"),
    _c("Q24", "stepping outside your comfort zone to learn something new", "learning something outside your comfort zone",
       "say what was new to you, how you learned it, and how it went",
       "comfort zone|never (?:\\w+ )?(?:done|used|written|worked|spoken|led|presented|taught|trained|chaired|pitched)|"
       "nervous|afraid|scar(?:ed|y)|terrified|terrifying|daunting|daunted|dreaded|dreading|petrified|"
       "(?:learn|learned|learning) (?:a |the )?new|out of my depth",
       "learn*|course|volunteer*|first time|new to me|practi[cs]*|rehears*|evenings|weekend|"
       "mentor|asked (?:a|an) \\w+ (?:from|for)|stretch|challeng*|confiden*"),
    _c("Q25", "choosing between deepening your expertise and broadening into a new domain", "a choice between depth and breadth",
       "say which paths you weighed, how you chose, and where it led",
       "deepen*|broaden*|depth|breadth|specialist|speciali[sz]*|generalist|new domain|expertise",
       "career|path|expert|(?:stay|staying)|chance to|offered|option*|five years|skills?|"
       "promot*|mentor|chose|choice|decid*"),
)}


@dataclass(frozen=True)
class Evidence:
    question_id: str
    score: int
    strong: int  # how many of the defining cues (weight 2) are among them
    words: tuple[tuple[int, str], ...]  # (sentence index, the words matched)


@dataclass(frozen=True)
class Relevance:
    question_id: str
    verdict: str  # fits | unsure | off_topic
    asked: Evidence  # the cues found
    about: Evidence | None  # the question the answer fits best, when it is not the one asked
    closest: tuple[int, ...]  # the sentences that come closest to what the question asks, strongest first
    about_closest: tuple[int, ...] = ()  # and to what `about` asks
    probability: float = 0.0  # the learned model's: the story is about the asked question
    about_probability: float = 0.0  # and about `about`
    leans: bool = False  # the answer is more about `about` than about the asked question

    @property
    def competency(self) -> Competency:
        return COMPETENCIES[self.question_id]

    @property
    def about_by_cues(self) -> bool:
        """What the answer leans to is said in as many of its cues as a fitting story holds;
        otherwise it is the learned model's reading alone, told as a reading (a new user's
        cloud-cost story was said to be "about influencing without authority", on the one
        word "data")."""
        return self.about is not None and _said_by_cues(self.about)


@lru_cache(maxsize=None)
def _compiled(question_id: str) -> tuple[tuple[re.Pattern[str], int, frozenset[str] | None], ...]:
    """Each cue as a regular expression, its weight, and the word beginnings one of which
    the answer must hold for the cue to match (None: not known, always try it)."""
    out = []
    for pattern, weight in COMPETENCIES[question_id].cues:
        regex = re.sub(r"\*", r"\\w*", pattern)
        out.append((re.compile(rf"\b(?:{regex})", re.IGNORECASE), weight, _anchors(pattern)))
    return tuple(out)


def _anchors(pattern: str) -> frozenset[str] | None:
    """The letters each alternative of a cue starts with ("mentor*|junior" -> mentor, junior),
    looking into a leading group; None when an alternative starts otherwise."""
    found: set[str] = set()
    for alternative in _top_level(pattern):
        alternative = alternative.strip()
        if alternative.startswith("(?:"):
            depth, end = 0, None
            for i, ch in enumerate(alternative):
                depth += {"(": 1, ")": -1}.get(ch, 0)
                if depth == 0:
                    end = i
                    break
            if end is None or alternative[end + 1:end + 2] in ("?", "*"):
                return None
            inner = _anchors(alternative[3:end])
            if inner is None:
                return None
            found |= inner
            continue
        letters = re.match(r"[a-z]+", alternative.lower())
        if letters is None:
            return None
        word = letters.group(0)
        if alternative[len(word):len(word) + 1] in ("?", "*", "{"):  # "behaviou?r": the u may be absent
            word = word[:-1]
        if not word:
            return None
        found.add(word[:_PREFIX])
    return frozenset(found)


_PREFIX = 8  # the word beginnings compared: enough to rule out almost every cue at once


class _Answer:
    """The sentences joined once, so each cue is one scan of the whole answer (a scan per
    sentence took 170 ms on a 570-word answer; this takes a tenth of that)."""

    def __init__(self, sentences: list[str]):
        self.text = "\n".join(sentences)
        # Every beginning of every word, to skip at once the cues that cannot match.
        self.beginnings = {word[:k] for word in re.findall(r"[a-z]+", self.text.lower())
                           for k in range(1, min(len(word), _PREFIX) + 1)}
        self.starts, at = [], 0
        for sentence in sentences:
            self.starts.append(at)
            at += len(sentence) + 1

    def sentence_at(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1


def evidence(sentences: list[str] | _Answer, question_id: str) -> Evidence:
    """The distinct cues of the question's competency in these sentences, each counted once
    (at its first sentence), and their summed weight."""
    answer = sentences if isinstance(sentences, _Answer) else _Answer(sentences)
    found: list[tuple[int, str]] = []
    # Words two cues match count once ("each of them separately" is not also "separately";
    # the defining cues come first, so they keep the words), and so does a phrase said twice.
    taken: list[tuple[int, int]] = []
    said: set[str] = set()
    score = strong = 0
    for cue, weight, anchors in _compiled(question_id):
        if anchors is not None and anchors.isdisjoint(answer.beginnings):
            continue
        match = next((m for m in cue.finditer(answer.text)
                      if m.group(0).lower() not in said
                      and not any(m.start() < end and start < m.end() for start, end in taken)), None)
        if match:
            taken.append(match.span())
            said.add(match.group(0).lower())
            found.append((answer.sentence_at(match.start()), match.group(0).lower()))
            score += weight
            strong += weight > 1
    found.sort()
    return Evidence(question_id, score, strong, tuple(found))


# An opening that only names the topic, the question said back ("Okay so, um, mediating.",
# "Influencing without authority."): a few words, no one doing anything in them.
_OPENING_FILLERS = {"okay", "ok", "so", "um", "uh", "well", "right", "yeah", "yes", "sure", "alright", "hmm", "and"}
_SOMEONE = re.compile(r"\b(?:i|we|he|she|they|it|you|my|our|his|her|their|there|was|were|had|did|is|are)\b|[a-z]{3,}ed\b",
                      re.I)
ECHO_WORDS = 5


def names_the_topic_only(sentence: str) -> bool:
    """A few words with no one doing anything in them: "Okay so, um, mediating."."""
    words = [w for w in re.findall(r"[a-z']+", sentence.lower()) if w not in _OPENING_FILLERS]
    return len(words) <= ECHO_WORDS and not _SOMEONE.search(" ".join(words))


def echoes_a_question(sentences: list[str]) -> bool:
    """Whether the answer opens by saying a question's topic back, and nothing else: a few
    words with no one doing anything in them, that hold a question's cue ("Okay so, um,
    mediating."; not "A really angry customer.")."""
    return len(sentences) > 1 and names_the_topic_only(sentences[0]) and any(
        evidence.words for evidence in _all_evidence(sentences[:1]).values())


def _without_echo(sentences: list[str]) -> list[str]:
    """The sentences with an opening echo of the question blanked (kept in place, so the
    evidence still names sentences by their number): saying the question's words back
    answers nothing, and a second tryout's story about mentoring passed as mediation on
    the one word "mediating" said first."""
    return ["", *sentences[1:]] if echoes_a_question(sentences) else sentences


def assess(sentences: list[str], question_id: str, model: TopicModel | None = None) -> Relevance:
    """How well the answer (its sentences, in order) fits the question. `model`: another
    learned model than the shipped one (the evaluation's cross-validation)."""
    sentences = _without_echo(sentences)
    found = _all_evidence(sentences)
    return _verdict(found, _read(sentences, found, model), question_id, sentences)


def assess_all(sentences: list[str], model: TopicModel | None = None) -> dict[str, Relevance]:
    """How well the answer fits each of the 25 questions (the evidence is gathered once)."""
    sentences = _without_echo(sentences)
    found = _all_evidence(sentences)
    reading = _read(sentences, found, model)
    return {question_id: _verdict(found, reading, question_id, sentences) for question_id in COMPETENCIES}


def _read(sentences: list[str], found: dict[str, Evidence], model: TopicModel | None) -> Reading:
    return read(sentences, {q: e.score for q, e in found.items()}, model)


@lru_cache(maxsize=1)
def _categories() -> dict[str, str]:
    return {q.id: q.category for q in prompts.questions()}


def _all_evidence(sentences: list[str]) -> dict[str, Evidence]:
    answer = _Answer(sentences)
    return {question_id: evidence(answer, question_id) for question_id in COMPETENCIES}


def _said_by_cues(evidence: Evidence) -> bool:
    """The answer holds as much of this question's cues as a story about it does."""
    return evidence.score >= OTHER_AT


def leans_elsewhere(asked: Evidence, other: Evidence) -> bool:
    """The answer holds enough of another question's cues to be about it, clearly more
    than of the asked one's."""
    return other.score >= OTHER_AT and other.score >= asked.score + MARGIN


def _verdict(found: dict[str, Evidence], reading: Reading, question_id: str, sentences: list[str]) -> Relevance:
    asked = found[question_id]
    best = min((e for q, e in found.items() if q != question_id), key=lambda e: (-e.score, int(e.question_id[1:])))
    cues_fit = (asked.score >= FITS_AT and asked.strong >= MIN_STRONG
                and (asked.score >= SHARE_OF_BEST * best.score or asked.strong >= STRONG_ENOUGH))
    if reading.known < MODEL_FROM_FEATURES:  # the cues alone
        leans = leans_elsewhere(asked, best)
        if cues_fit:
            return Relevance(question_id, "fits", asked, None, _closest(asked, None, len(sentences)))
        verdict = "off_topic" if leans and asked.score <= OFF_TOPIC_HOLDS_AT_MOST else "unsure"
        return Relevance(question_id, verdict, asked, best, _closest(asked, None, len(sentences)), leans=leans)
    p = reading.probabilities
    category = _categories()
    topic = sum(share for q, share in p.items() if category[q] == category[question_id])
    # What the story is about instead: the model's likeliest other question (ties: the cues').
    other = max((q for q in p if q != question_id), key=lambda q: (p[q], found[q].score, -int(q[1:])))
    other_topic = sum(share for q, share in p.items() if category[q] == category[other])
    if cues_fit or p[question_id] >= P_FITS:
        verdict = "fits"
        # Only just over chance, beside a question the model plainly reads the story as
        # (a nurse's disagreement with a junior doctor fitted "mentored a junior
        # developer" on the one word "junior", at 0.06 against 0.32): unsure, naming it.
        # (Nor with no word about the question at all: a jumble-sale story fitted "a
        # disagreement with a team member" at 0.065; a tryout's.)
        if not cues_fit and p[question_id] < P_SURE_FITS and (
                (p[other] >= LEANS_AT and p[other] >= OUTWEIGHED_TIMES * p[question_id]) or asked.score == 0):
            verdict = "unsure"
    elif (p[question_id] < OFF_BELOW and p[other] >= OFF_LEANS_AT and topic < TOPIC_OFF
          # A sibling question of the asked one's category is never "off topic" (see above).
          and category[other] != category[question_id] and other_topic >= OTHER_TOPIC_TIMES * topic):
        # Only when the model places it elsewhere: a story it cannot place spreads its
        # probability thin over every question, the asked one's too.
        verdict = "off_topic"
    else:
        verdict = "unsure"
    about = None if verdict == "fits" else found[other]
    return Relevance(question_id, verdict, asked, about, _closest(asked, reading.sentences[question_id], len(sentences)),
                     # (Ranked by the model alone when it, not the cues, says what the story is
                     # about: one weak cue word would pick the sentence to quote; a review's.)
                     () if about is None else _closest(about if _said_by_cues(about) else Evidence(other, 0, 0, ()),
                                                       reading.sentences[other], len(sentences), 1),
                     round(p[question_id], 3), 0.0 if about is None else round(p[other], 3),
                     about is not None and p[other] >= LEANS_AT and p[other] > p[question_id])


def _closest(evidence: Evidence, learned: tuple[float, ...] | None, count: int, keep: int = 2) -> tuple[int, ...]:
    """The sentences that hold most of a question, strongest first: those with the most
    cue words, then (among equals, or where there are none) what the model adds."""
    cues = [0] * count
    for index, _ in evidence.words:
        cues[index] += 1
    weight = learned or (0.0,) * count
    ranked = sorted(range(count), key=lambda i: (-cues[i], -weight[i], i))
    return tuple(i for i in ranked[:keep] if cues[i] > 0 or weight[i] > 0)
