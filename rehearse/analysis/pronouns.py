"""Count "I" and "we": the guide wants the speaker's own actions, not the team's."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rehearse.analysis.star import PAST_VERB

I_WORDS = {"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"}
WE_WORDS = {"we", "us", "our", "ours", "ourselves", "we're", "we've", "we'd", "we'll"}
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")


@dataclass(frozen=True)
class PronounCount:
    i: int
    we: int
    # The words that counted as "we" without saying it: "our developers rewrote" (the
    # Action's count only), so the finding can quote them.
    team_acted: tuple[str, ...] = ()
    # Each "we" counted in the Action, with the words after it ("we moved people from"), so
    # the finding can show which it counted (the Action's count only).
    we_said: tuple[str, ...] = ()

    @property
    def i_ratio(self) -> float | None:
        total = self.i + self.we
        return None if total == 0 else self.i / total


def count_pronouns(text: str, i_words: set[str] = I_WORDS, we_words: set[str] = WE_WORDS) -> PronounCount:
    i = we = 0
    for token in _TOKEN.findall(text):
        word = token.lower().replace("’", "'")
        if word in i_words:
            i += 1
        elif word in we_words:
            we += 1
    return PronounCount(i=i, we=we)


# Who did it: the words that make the speaker or the team the one acting. "At my last job",
# "I fixed our build" and "she asked me" say nothing of who acted, so the Action's count
# leaves out me/my/mine and us/our/ours (the whole answer's count keeps report v1's words)...
ACTOR_I_WORDS = {"i", "myself", "i'm", "i've", "i'd", "i'll"}
ACTOR_WE_WORDS = {"we", "ourselves", "we're", "we've", "we'd", "we'll"}
# ... except where "our" or "my" opens a clause whose subject is the people who acted, its
# verb right after them: "Then our developers rewrote the form", "my team tested it" (the
# team did it, not the speaker; "I emailed my supervisor, my lead and..." is not).
# (People who work with the speaker, in offices and outside them: "our fitters built", "my
# pickers ran"; not "our customers" or "my students", who are not the team.)
_OPENERS = r"then|first|next|so|but|after that|finally"
_CLAUSE_START = r"(?:^|[.;:!?]\s+|,\s+(?:and|then|so)\s+|\b(?:and|" + _OPENERS + r")\s+)"
# (A joint subject only after an opener that is not "and": see _TEAM_ACTED.)
_JOINT_START = r"(?:^|[.;:!?]\s+|,\s+(?:and|then|so)\s+|\b(?:" + _OPENERS + r")\s+)"
_TEAM = (r"team|teams|group|crew|crews|department|staff|colleagues|coworkers|co-workers|teammates|"
         r"developers|engineers|people|nurses|carers|aides|techs|technicians|analysts|testers|designers|volunteers|agents|"
         r"reps|fitters|operators|electricians|plumbers|joiners|carpenters|builders|installers|mechanics|drivers|pickers|"
         r"packers|cooks|chefs|servers|waiters|waitresses|baristas|bartenders|cleaners|housekeepers|porters|cashiers|"
         r"associates|clerks|assistants|apprentices|juniors|interns|guys|lads|workers|contractors|subbies|paramedics|"
         r"doctors|teachers|tutors|coaches")
# One person who can act beside the speaker: a name, "she", or a role ("the sales
# coordinator", "my manager"), never an object of the speaker's step ("the reports").
_PARTNER = (r"(?:(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?|she|he|(?:the|my|our)\s+(?:[a-z-]+\s+)?"
            r"(?:manager|supervisor|coordinator|lead|colleague|teammate|boss|partner|director|chef|nurse|doctor|"
            r"teacher|owner|engineer|developer|analyst|designer|driver|assistant|technician|tech|fitter|operator|"
            r"mentor|trainee|apprentice|intern|friend|co-worker|coworker|pharmacist|officer|rep|agent)"
            # ... and named: "me and my colleague Priya did the handover" (a third tryout's)
            r"(?:\s+(?-i:[A-Z][a-z]+))?)")
_TEAM_ACTED = re.compile(
    _CLAUSE_START + r"(?:our|my)\s+(?:[a-z-]+\s+)?(?:" + _TEAM + r")\s+(?:(?:also|then|all|quickly|just)\s+)?"
    r"(?:" + PAST_VERB + r"|got|did)\b"
    # Two who acted together: "me and the sales coordinator walked the line", "Dana and I
    # rewrote it" (a "we" said another way: its "I" is not the speaker alone). At a clause's
    # start only: in "I pulled the logs and the reports and I found it" the speaker acted.
    r"|" + _JOINT_START + r"(?:me\s+and\s+" + _PARTNER + r"|" + _PARTNER + r"\s+and\s+i)"
    r"\s+(?:(?:also|then|both|together|just)\s+)?(?:" + PAST_VERB + r"|got|did)\b", re.I)
_TOGETHER_WITH_I = re.compile(r"\band\s+i\s", re.I)
_OPENING = re.compile(r"^(?:[.;:!?,]\s*)?(?:(?:and|then|so|first|next|but|after that|finally)\s+)?", re.I)


# A "we" that names no step the team took: a purpose or a condition ("so we could enter
# it", "if we can put a sensor mat"), a proposal the speaker made ("I suggested we walk the
# ward together"), or what the team has ("everything we gave"). A second tryout's answers,
# every step told with "I", were told "What did you do yourself?" for them.
_WE_NOT_ACTING = re.compile(r"\b(?:so(?:\s+that)?\s+we(?=\s+(?:could|can|would|might|wouldn't|couldn't)\b)|"
                            r"(?:if|unless|whether|in\s+case)\s+we|"
                            r"(?:suggested|proposed|recommended|asked\s+(?:if|whether|that)|insisted)\s+(?:that\s+)?we|"
                            # (what was said the team should do, quoted too: 'I said to the
                            # team, "we need to look at who is sickest first"'; a tryout's)
                            r"(?:said|argued|told|asked)(?:\s+(?:to\s+)?(?:them|him|her|everyone|the\s+\w+))?,?\s*[\"“]?\s*"
                            r"(?:that\s+)?we(?=\s+(?:should|could|need|needed|have\s+to|had\s+to|must|ought)\b)|"
                            # a "we" taken back for "I" ("So we, well, I started the checks";
                            # a tryout's self-correction counted as the team acting)
                            r"we(?=\s*,?\s*(?:(?:well|sorry|no|i\s+mean|or\s+rather|actually)\s*,?\s*)*i\b)|"
                            r"(?:everything|anything|something|nothing|whatever|all\s+that)\s+we|"
                            # what a step showed or named, not who acted ("I made her a table:
                            # how much money we have, what we promised"; a tryout's). (Not
                            # "which we then rolled out", "a meeting where we agreed": acts.)
                            r"(?:what|how\s+(?:much|many|long|far)(?:\s+[a-z]+){0,2})\s+we|"
                            # what might have been, not what was done ("we would have had $400k
                            # of exposure"), and a time or a condition ("after we built...": a
                            # fifth tryout's, told as an option the speaker offered)
                            r"we(?=\s+(?:could|might|may|will|wouldn't|couldn't)\b|\s+would\s+have\b|['’]d\s+have\b|['’]ll\b)|"
                            r"(?:after|once|until|till|before|when|while|as\s+soon\s+as)\s+we)\b", re.I)
# A reason given for a step ("I chose Kafka because we needed ordering and we couldn't lose
# events"): who acted is in the step, not in its reason (the fifth tryout's steps, each told
# with "I", were told "say what you did" for the "we" of their reasons).
# (To the clause's end: "because we needed ordering and we couldn't lose events" ends at
# "and", where the "could" of the next clause is left out on its own. "Since" is a reason
# only before a clause: "since the outage we rebuilt the alerts" tells when; a review's.)
_REASON = re.compile(r"\b(?:because|(?:since|as)(?=\s+(?:we|i|they|he|she|it|our|the\s+\w+\s+(?:was|were|had))\b))"
                     r"(?:(?!\b(?:and|then|so|but)\b)[^.;:!?,—])*", re.I)
# A "we" counted, and the words after it, to quote.
_WE_SAID = re.compile(r"\b(?:we|ourselves|we['’](?:re|ve|d|ll))\b(?:\s+[\w'’-]+){1,3}", re.I)


def count_in_action(sentences, labels) -> PronounCount:
    """Who acted in the Action sentences ("I" against "we"), where the guide wants "I":
    the situation may say "we" about the team, the action should say what you did."""
    text = " ".join(s.text for s, lab in zip(sentences, labels) if lab.label == "action")
    acting = _WE_NOT_ACTING.sub(" ", _REASON.sub(" ", text))
    actors = count_pronouns(acting, ACTOR_I_WORDS, ACTOR_WE_WORDS)
    teams = tuple(_OPENING.sub("", m.group(0).strip()) for m in _TEAM_ACTED.finditer(text))
    with_i = sum(1 for team in teams if _TOGETHER_WITH_I.search(team + " "))
    we_said = tuple(m.group(0) for m in _WE_SAID.finditer(acting))
    return PronounCount(i=actors.i - with_i, we=actors.we + len(teams), team_acted=teams, we_said=we_said)
