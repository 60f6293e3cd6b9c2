import pytest

from eval import metrics_eval
from rehearse.analysis.metrics import find_metrics, said_once


@pytest.mark.parametrize("sentence,text,kind", [
    ("Latency dropped from 8 seconds to 150ms.", "from 8 seconds to 150ms", "change"),
    ("We cut errors by forty percent.", "forty percent", "percent"),
    ("It saved about $180K a year.", "about $180K a year", "money"),
    ("I restored service in 18 minutes.", "18 minutes", "duration"),
    ("The build got 3x faster.", "3x", "multiplier"),
    ("Throughput doubled.", "doubled", "multiplier"),
    ("The outage hit 500+ active traders.", "500+ active traders", "count"),
    ("We delivered it only a week late instead of a month.", "a week late", "duration"),  # a new user's
    ("That quarter I joined four sales calls with new clients.", "four sales calls", "count"),  # not "four sales"
    ("I saved my team hours and cut reporting errors to zero.", "cut reporting errors to zero", "change"),
    ("I trained 12 agents plus both supervisors.", "12 agents", "count"),  # "plus" is no second noun
    ("We hired two engineers afterwards.", "two engineers", "count"),
    ("We hired 40 on-call engineers.", "40 on-call engineers", "count"),  # "on-" is no preposition
    ("I got the backlog to zero in a week.", "got the backlog to zero", "change"),
    ("Our Saturday cover went up from an average of twenty-two to twenty-five.",  # a new user's
     "from an average of twenty-two to twenty-five", "change"),
    # held-out 7's misses (scored once, then fixed)
    ("We cut the pick time from an hour to ten minutes per order.", "from an hour to ten minutes per order", "change"),
    ("Page load time dropped to under a second.", "dropped to under a second", "change"),
    ("I got the close done in three days instead of the usual eight.", "three days instead of the usual eight", "change"),
    ("It would have cost us 1.2 million over the contract.", "1.2 million", "money"),
    ("We raised twice what we'd aimed for.", "twice what we'd aimed for", "multiplier"),
    # held-out 8's misses in general form (scored once, then fixed); sentences written for this test
    ("Our branch finished number three out of 40 branches.", "number three out of 40 branches", "number"),
    ("By June, nineteen of my twenty-four learners were working independently.",
     "nineteen of my twenty-four learners were working", "percent"),
    ("Donations came to nearly triple the year before.", "nearly triple the year before", "multiplier"),
    ("The new rota brought overtime down by half.", "down by half", "multiplier"),
    ("Stock accuracy reached ninety-eight point five percent.", "ninety-eight point five percent", "percent"),
    ("Her reading score went from a 52 to a 71.", "from a 52 to a 71", "change"),
    ("Check-in went from north of forty minutes to under ten.", "from north of forty minutes to under ten", "change"),
    ("Releases went from twice a month to about three a week.", "from twice a month to about three a week", "change"),
    ("The new scanner reads labels with 99% accuracy.", "99% accuracy", "percent"),
    # (the time it took, not the time the builder had said)
    ("We opened in six weeks, though the builder had said four months.", "six weeks", "duration"),
    ("We fitted the kitchen in four days when the owner wanted two weeks.", "four days", "duration"),
    # a tryout's: an approximate word is a whole word ("cover two closes" said no "over"),
    # and a change from a pair of values
    ("I agreed to cover two weekday closes.", "two weekday closes", "count"),
    ("Wrong notices went from five or six a month to none.", "from five or six a month to none", "change"),
    # a second tryout's: money after "release" (no release's number), none of a thing
    # "had", more than half, and a count over a period (a level, not the scene)
    ("I asked finance to release about £2k from their budget.", "about £2k", "money"),
    ("We didn't have a single missed dose after that.", "didn't have a single missed dose", "count"),
    ("Falls dropped by more than half.", "dropped by more than half", "multiplier"),
    ("We had six incidents that quarter.", "six incidents", "count"),
    ("After that, nobody missed a dose.", "nobody missed a dose", "count"),
])
def test_metrics_that_measure_the_story(sentence, text, kind):
    found = find_metrics(sentence)
    assert [(m.text, m.kind) for m in found] == [(text, kind)]


@pytest.mark.parametrize("sentence", ["I got a reply to none of my emails.", "I got used to nothing working.",
                                      "I taught year nine maths that term.",  # a class, not a count (a new user's)
                                      "I had the other two on sauces and desserts.",
                                      # held-out 7's false metrics
                                      "There were four of us nurses on the night shift.",
                                      "I'd been at the store about three years by then.",
                                      "Over the two years I was there I signed up donors.",
                                      "I've told my students a thousand times to show their working.",
                                      "I was one of six supervisors on the job.",
                                      "I learned more in those six months than in my whole degree.",
                                      "A day later I called her back.",
                                      "Sales are up from a year ago.",  # a review's
                                      "It dropped to a day-one priority.",
                                      # held-out 8's false metrics in general form (sentences of our own)
                                      "I was about three months into the role when it happened.",
                                      "They'd said it'd take two months to clear.",
                                      "The night team, which was nine people, took the calls.",
                                      "I worked the counter from nine to five.",
                                      "A few dozen messages came in overnight.",
                                      # a new user's (a tryout): when, a tenure, opening hours, and the
                                      # period after a result
                                      "Two summers ago I ran the front of house.",
                                      "I had been there maybe a year and a half at that point.",
                                      "I put an extra agent on the desk from five to nine.",
                                      "Nothing went wrong in the six months I stayed after that.",
                                      # a second tryout's: a talk's length, a period that says when
                                      "We talked for ten minutes at the end of every shift.",
                                      "The super users stayed on the ward for the first two weeks."])
def test_numbers_that_only_set_the_scene(sentence):
    assert find_metrics(sentence) == []


@pytest.mark.parametrize("sentence", [
    "I had a one on one with him.",
    "We had a couple of ideas.",
    "First, I read the logs.",
    "In Q3 we planned it.",
    "Back in 2019 I joined a startup.",
    "Support works 24/7.",
    "We moved to a 3-tier architecture.",
    "We used Python 3.",
    "We moved every laptop from Windows 10 to Windows 11.",
    "The front desk was open from 8 to 6 every day.",
    # A review's cases: an age range, years, a clock time, a survey sent "to 500 from 20".
    "I coached kids between 6 and 10 years old.",
    "Between 2019 and 2021 I worked nights.",
    "At around 1430 we got the call.",
    # Held-out 5's convention: an exaggeration and how long someone had been somewhere.
    "My boss had a million questions.",
    "I'd been a baker for about six years by then.",
    # A review's cases for the rating and rank rules: a ticket number, a date, "half an hour".
    "I fixed bug #4521 that week.",
    "On 6/10 we launched.",
    # held-out 6's false metrics, and what their fixes must not read
    "I'd been there three years by then.",
    "I'm a 24-year-old grad student.",
    "I'd worked under three different managers by then.",
    "We had about a hundred things going on that week.",
    "In the end it all came down to two.",
    "Prices rose to 2019 levels.",
    # Development lists' scenes: what there was, who was there, how often someone rang.
    "The clinic had about forty beds.",
    "There were two subcontractors on site.",
    "I was one of the three people on the mortgage desk.",
    "She'd rung us a dozen times before it reached me.",
    "I'd had three years in the job by then.",
    "In the end two of them failed.",
    # A review's false metrics from this round's patterns, and a tryout's date.
    "I got a 500 from the payment gateway.",
    "The results came back at 4.15 on Friday.",
    "The flight came back at 6.5 and we drove home.",
    "It was top three on my list of worries.",
    "I asked him three times what the deadline was.",
    "Two of them joined the call late.",
    "The audit ran from 3rd to 5th May.",
    "I ran a ten K for charity.",
    "She was one in a million.",
    "Two years ago I joined the bakery.",
    # A second review's: scenes the scene rule's exceptions had let through, "not a single"
    # with nothing lost, a distance.
    "There were more than 200 tickets in the backlog when I joined.",
    "By the time I joined, the team had 15 open incidents.",
    "We had 40 complaints by phone.",
    "I didn't say a single word in the meeting.",
    "Without a single doubt, it was the right call.",
    "I ran ten k every weekend.",
    # ... and what that rule must not read: a clock time, a duration's number.
    "The survey came back at 5.30.",
    "The train came back at 9.",
])
def test_numbers_that_measure_nothing(sentence):
    assert find_metrics(sentence) == []


def test_precision_and_recall_on_the_labeled_lists():
    # held-out-3 was scored once, after the detector changed: 89.7% and 89.7% (2 of its 4
    # misses are spans shorter than the labeled anchor); its floor sits under that.
    # held-out-7 was scored once at the end of a session: 71.2% and 72.5% (half its misses
    # are spans shorter than its writer's anchors, "about 40 percent" for "went up by about
    # 40 percent"); its other errors fixed, 85.7% and 82.4%; its floor sits under that.
    # train-b, loose run-on speech, is still far from the others (as written 50.5% and 63.6%;
    # 75.0% and 85.7% after its fixes): most of what is left are counts and periods that set
    # the scene ("we ran two shifts", "over about six months"), which no pattern tells apart.
    # held-out-8 was scored once at the end of the next session: 82.8% and 81.4% (74.1% and
    # 72.9% with that session's first commit); its misses fixed in general form, 100% and 98.3%.
    # held-out-9 was scored once at the end of the session after: 67.2% and 77.4% (65.6% and
    # 75.5% with its first commit); most false metrics set the scene ("four floors", "300
    # rooms", "five years in"); fixed in general form the session after, 92.9% and 98.1%.
    # held-out-10 was scored once at the end of the session after: 67.5% and 80.0% (64.0% and
    # 73.8% with its first commit); fixed in general form the session after, 91.2% and 95.4%.
    # held-out-11 was scored once at the end of that session: 86.7% and 85.2% (86.4% and
    # 83.6% with its first commit); its floor sits under that.
    # held-out-12 was scored once at the end of the session after: 86.4% and 93.4% (the same
    # with its first commit); its floor sits under that.
    # held-out-13 was scored once at the end of the session after: 69.9% and 81.0% (68.0% and
    # 81.0% with its first commit), most false metrics the people and things a scene holds
    # ("14 vans and 2 dispatchers", "a team of five reps"); its floor sits under that. Then,
    # seen, a rate "per" any thing and more scenes in general form: 78.6% and 87.3%; the
    # session after, 92.2% and 93.7%.
    # held-out-14 was scored once at the end of the session after: 86.4% and 96.6% (84.6% and
    # 93.2% with its first commit); its floor sits under that. Then, seen, what a place
    # holds, who came along, age gaps, tenures and figures taken back in general form: 100%.
    # held-out-15 was scored once at the end of the session after: 93.6% and 89.8% (the same
    # with its first commit); its floor sits under that. Then, seen: 98.0% and 98.0%, and
    # 100% and 100% the session after.
    # held-out-16 was scored once at the end of the session after: 82.5% and 81.0% (the same
    # with its first commit); its floor sits under that. Then, seen, plans never carried
    # out, effort over 100%, a target beaten by, "got that down to": 91.1% and 87.9%.
    # held-out-17 was scored once at the end of the session after: 75.3% and 90.2% (the same
    # with its first commit): most false metrics the scene's people and things, numbers in
    # someone else's quoted words, a hypothetical and exaggerations; its floor sits under that.
    # Then, seen, in general form: 98.4% and 100% (its floor raised to 0.95).
    # held-out-18 was scored once at the end of the session after: 79.3% and 92.0% (73.8% and
    # 90.0% with its first commit); its floor sits under that. Then, seen, in general form:
    # 100% and 100% (its floor raised to 0.95).
    # held-out-19 was scored once at the end of the session after: 79.7% and 94.0% (72.6% and
    # 90.0% with its first commit); its floor sits under that.
    floors = {"held-out-3": 0.87, "held-out-7": 0.8, "held-out-11": 0.84, "held-out-12": 0.85, "held-out-13": 0.69,
              "held-out-14": 0.86, "held-out-15": 0.89, "held-out-16": 0.8, "held-out-17": 0.95, "held-out-18": 0.95, "held-out-19": 0.79,
              "train-a": 0.92,
              "train-b": 0.72}
    for name, path in metrics_eval.SETS.items():
        tp, fp, fn, _ = metrics_eval.count(metrics_eval.load(path))
        assert tp / (tp + fp) >= floors.get(name, 0.9), path.name
        assert tp / (tp + fn) >= floors.get(name, 0.9), path.name


@pytest.mark.parametrize("sentence,text,kind", [
    ("We were getting about two hundred orders a day.", "about two hundred orders a day", "count"),
    ("Now we see fewer than ten a month.", "fewer than ten a month", "count"),
    ("The grant was worth six million.", "six million", "money"),
    ("Returns fell from about sixty a week to fewer than twenty a week.",
     "from about sixty a week to fewer than twenty a week", "change"),
    ("Half of the team had never used it.", "Half of the team", "percent"),
    ("One in five orders shipped late.", "One in five orders", "percent"),
    ("Three out of four nurses signed up.", "Three out of four nurses", "percent"),
    ("We saved half a million dollars.", "half a million dollars", "money"),
    ("Sign-ups grew from a few dozen to nearly three hundred.", "from a few dozen to nearly three hundred", "change"),
    # A review found these lost or invented by the rules above; each is a measure as said.
    ("I finished in the top 5% of sales reps.", "5%", "percent"),
    ("On top, 30 new clients signed.", "30 new clients", "count"),
    ("We cut onboarding to a 3-day process.", "3-day", "duration"),
    ("Feedback from hundreds of customers led to 3 changes.", "3 changes", "count"),
    # A new user's results, read as they meant them.
    ("We had no checkout incidents at all, down from three a month.", "down from three a month", "change"),
    ("Errors dropped to zero.", "dropped to zero", "change"),
    ("Half the team joined.", "Half the team", "percent"),
    ("We went live a week early.", "a week early", "duration"),
    # Held-out 4's misses (scored once, then fixed) and a new user's, said our own way.
    ("Pass rates climbed to 88 percent from 64 percent.", "to 88 percent from 64 percent", "change"),
    ("A refill now takes between 10 and 15 minutes.", "between 10 and 15 minutes", "duration"),
    ("We answered ten to twelve calls an hour.", "ten to twelve calls an hour", "count"),
    ("The audit used to take four full days.", "four full days", "duration"),
    ("I signed up a couple of hundred donors.", "a couple of hundred donors", "count"),
    ("Now it takes about an hour instead of three days.", "about an hour instead of three days", "change"),
    ("Late orders went from about thirty a week to a handful.", "from about thirty a week to a handful", "change"),
    # Held-out 5's kinds of misses (scored once, then fixed), said our own way.
    ("Our rating went up to 4.6/5 that spring.", "4.6/5", "number"),
    ("We scored four point nine out of five on the survey.", "four point nine out of five", "number"),
    ("I came in top five in the district for renewals.", "top five in the district", "number"),
    ("I ranked #3 out of 25 agents.", "#3 out of 25", "number"),
    ("We raised about six grand for the food bank.", "about six grand", "money"),
    # The development lists' forms (train-a, train-b), said our own way.
    ("We raised about two lakh for the school.", "about two lakh", "money"),
    ("The new supplier saved us four hundred quid a week.", "four hundred quid a week", "money"),
    ("It saved a couple of thousand dollars a month.", "a couple of thousand dollars a month", "money"),
    ("Overtime fell by £250 a week.", "£250 a week", "money"),
    ("The quiz night raised ten K.", "ten K", "money"),
    ("We used a third less fuel that winter.", "a third less", "percent"),
    ("By the spring two of them got promoted.", "two of them got promoted", "count"),
    ("In the end 18 of my 24 learners passed.", "18 of my 24 learners passed", "percent"),
    ("Our shop came third out of about forty stores.", "third out of about forty stores", "number"),
    ("Our ranking went from fortieth to eleventh.", "from fortieth to eleventh", "change"),
    ("Errors went from one in five orders to one in forty.", "from one in five orders to one in forty", "change"),
    ("We raised three times what we had the year before.", "three times what", "multiplier"),
    ("Guests waited five minutes instead of twenty.", "five minutes instead of twenty", "change"),
    ("The new form saved her half a day every week.", "half a day every week", "duration"),
    ("We cleared a hundred-odd claims.", "a hundred-odd claims", "count"),
    ("The survey got up to four point six out of five.", "four point six out of five", "number"),
    ("We moved the whole office over two weekends.", "over two weekends", "duration"),
    ("Handle time came down from, like, nine minutes to six.", "from, like, nine minutes to six", "change"),
    # What the scene rule must not lose: what was gained, and how things ended (a review).
    ("We had 40 new sign-ups that week.", "40 new sign-ups", "count"),
    ("There were 300 fewer complaints.", "300 fewer complaints", "count"),
    ("By March we had 120 paying customers.", "120 paying customers", "count"),
    ("The app has 10,000 downloads now.", "10,000 downloads", "count"),
    ("In the end there were 4 complaints.", "4 complaints", "count"),
    ("We deployed 40 times last month.", "40 times", "count"),
    # A tryout's misses.
    ("I handed it over nine days late.", "nine days late", "duration"),
    ("We cleared one thousand two hundred stuck webhooks.", "one thousand two hundred stuck webhooks", "count"),
    ("It saves about an hour every day.", "about an hour every day", "duration"),
    ("We finished a fortnight ahead of plan.", "a fortnight ahead of plan", "duration"),
    ("We didn't lose a single file.", "didn't lose a single file", "count"),
    ("There was not a single mix-up.", "not a single mix-up", "count"),
    ("We scored an 88 on the food safety inspection.", "88", "number"),
    ("Complaints went from about six a month to one or two.", "from about six a month to one or two", "change"),
    # A second review's: what the first fixes lost or cut.
    ("Only one in a hundred applicants gets an interview.", "Only one in a hundred applicants", "percent"),
    ("We brought errors from one in five orders to one in forty.", "from one in five orders to one in forty", "change"),
    ("Our store moved from 12th to 2nd.", "from 12th to 2nd", "change"),
    ("Sales were three times what they were.", "three times what", "multiplier"),
    ("Twelve of the 15 apprentices finished the course.", "Twelve of the 15 apprentices finished", "percent"),
    ("We were rated 4.85 on Google.", "4.85", "number"),
    ("We got an A minus, the highest in our section.", "A minus", "number"),
    ("Weekend work went to zero.", "went to zero", "change"),
    ("We cut about a third of our autonomous vehicle faults.", "about a third of our autonomous vehicle faults", "percent"),
    # A new user's rating said without its scale.
    ("The parents' survey came back at 4.9.", "4.9", "number"),
    ("We averaged 4.7 on the guest survey that quarter.", "4.7", "number"),
    ("I rated it 3.5 stars.", "3.5 stars", "number"),
    ("Checkout went from 3.1s to 800ms.", "from 3.1s to 800ms", "change"),
    ("Intake went from like four days to two.", "from like four days to two", "change"),
    ("We got falls on the ward down to zero.", "down to zero", "change"),
    ("It cut the picking time almost in half.", "cut the picking time almost in half", "multiplier"),
    ("I got the wait down to under an hour.", "under an hour", "duration"),
    ("We went from dozens of bounced emails a week to two or three.",
     "from dozens of bounced emails a week to two or three", "change"),
    # held-out 6's misses
    ("Falls went from like six a month to maybe one or two.", "from like six a month to maybe one or two", "change"),
    ("Ticket times came down to under twelve minutes.", "came down to under twelve minutes", "change"),
    ("Our no-show rate dropped to around eight percent.", "dropped to around eight percent", "change"),
    ("My scores went up to ninety-four.", "went up to ninety-four", "change"),
    ("We closed the count a full day ahead of schedule.", "a full day ahead of schedule", "duration"),
    ("Cashiers walked half as far per shift.", "half as far", "multiplier"),
])
def test_metrics_in_words_rates_ranges_and_shares(sentence, text, kind):
    assert [(m.text, m.kind) for m in find_metrics(sentence)] == [(text, kind)]


@pytest.mark.parametrize("sentence,text,kind", [
    # Found before the rules for held-out 4 were added, and still found (a review's cases).
    ("By December 40 new clients had signed.", "40 new clients", "count"),
    ("We sold Acme 500 licenses.", "500 licenses", "count"),
    ("We shipped iOS 17 to 2 million users.", "2 million users", "count"),
    ("We brought escalations from 12 to 4 a week.", "from 12 to 4 a week", "change"),
    ("We grew our support team from 5 to 12.", "from 5 to 12", "change"),
    ("The review takes 10 to 15 business days.", "10 to 15 business days", "duration"),
    ("Reviews now take 2 to 3 days instead of a week.", "2 to 3 days instead of a week", "change"),
    ("It went from 20 minutes to a couple of hours.", "20 minutes", "duration"),
    ("We shipped more than 10,000.", "more than 10,000", "count"),
])
def test_the_later_rules_leave_other_measures_whole(sentence, text, kind):
    assert [(m.text, m.kind) for m in find_metrics(sentence)] == [(text, kind)]


@pytest.mark.parametrize("sentence,text", [
    ("We were missing about one order in fifty because pickers misread the labels.", "about one order in fifty"),
    ("By June I had the mistakes down to one order in four hundred.", "one order in four hundred"),
    ("One call in every ten was a complaint.", "One call in every ten"),
    ("It took three or four days.", "three or four days"),
    ("The same fifteen or so students missed most deadlines.", "fifteen or so students"),
    # a review's: how close said with "or"
    ("By March we were closing 40 or more tickets a week.", "40 or more tickets a week"),
    ("Twelve or more apprentices had qualified by June.", "Twelve or more apprentices"),
])
def test_a_share_with_the_thing_named_and_a_number_joined_to_another(sentence, text):
    assert [m.text for m in find_metrics(sentence)] == [text]


@pytest.mark.parametrize("sentence,text,kind", [
    ("We came in six K under budget.", "six K", "money"),
    ("It was about 75k in fees for the branch.", "about 75k", "money"),
    ("Returns went from one parcel in twenty to one in a hundred.", "from one parcel in twenty to one in a hundred", "change"),
])
def test_thousands_said_with_k_and_money_after_them_and_a_rate_with_its_thing_named(sentence, text, kind):
    assert [(m.text, m.kind) for m in find_metrics(sentence)] == [(text, kind)]


@pytest.mark.parametrize("sentence,text", [
    # a review's: a time or other things after the number make no share
    ("We delivered one module in two sprints.", "two sprints"),
    ("We had one office in three countries.", "three countries"),
    ("We answered one request in 30 seconds.", "30 seconds"),
])
def test_one_thing_in_a_time_or_in_other_things_is_no_share(sentence, text):
    assert [m.text for m in find_metrics(sentence)] == [text]


def test_a_k_with_no_money_said_is_no_money():
    assert [m.kind for m in find_metrics("I ran 10k every weekend.")] != ["money"]
    assert [m.kind for m in find_metrics("We hit 5k steps.")] == ["count"]


@pytest.mark.parametrize("sentence", [
    "I split mornings on Line 2 and afternoons on the packer.",
    "I rewrote just those two and wrote tests for them.",
    "There were two because nobody else applied.",
    "I met one client in March.",
    # a new user's: a verb is no modifier, a 24-hour time no amount
    "All three were must-dos.",
    "I pulled the sergeants into one huddle at 0600 each day.",
])
def test_a_word_that_joins_clauses_is_not_part_of_a_count(sentence):
    assert find_metrics(sentence) == []


def test_a_long_run_of_number_words_is_read_quickly():
    import time

    start = time.perf_counter()
    find_metrics(" ".join(["one and two"] * 150))
    # The first range rules took 10 s here; then 1.2-2.1 s, as rules were added, until a
    # number in words was bounded to nine parts: 0.2 s.
    assert time.perf_counter() - start < 1.0


def test_a_large_amount_with_its_noun_left_unsaid():
    found = find_metrics("We packed about three hundred boxes a week, and close to nine hundred by June.")
    assert [(m.text, m.kind) for m in found] == [("about three hundred boxes a week", "count"),
                                                 ("close to nine hundred", "count")]


@pytest.mark.parametrize("sentence", [
    "I worked nights at a 24-hour pharmacy.",
    "He had a two-week vacation coming up.",
    "We picked the top three risks and ignored the rest.",
    "Two of my supervisors agreed.",
    "I paired the two fastest pickers.",
])
def test_a_number_that_names_or_describes_a_thing_is_not_a_metric(sentence):
    assert find_metrics(sentence) == []
    # The STAR labeler still sees it: it learned where such numbers sit in a story.
    assert find_metrics(sentence, descriptive=True)


def test_a_number_that_sets_the_scene_is_not_a_measured_result():
    from rehearse.analysis.answer import analyze_transcript
    from rehearse.analysis.transcript import from_text

    text = ("At my last job customer complaints had gone from two a week to fifteen.\n"
            "It was my job to find out why.\n"
            "I read every complaint and I called ten of the customers myself.\n"
            "Then I rewrote the confusing checkout page with our designer.\n"
            "The customers were relieved, and the complaints stopped.")
    analysis = analyze_transcript(from_text(text))
    assert [m.metric.text for m in analysis.metrics][:1] == ["from two a week to fifteen"]
    assert analysis.labels[analysis.metrics[0].sentence].label == "situation"
    assert analysis.metrics_in_result is False


def test_money_found_for_one_match_leaves_the_next_as_said():
    # A review: a bare amount after "saved" became money, and the same pattern's next match,
    # "about five thousand a day" processed, inherited the kind.
    found = find_metrics("We saved about two thousand a month and processed about five thousand a day.")
    assert [(m.text, m.kind) for m in found] == [("about two thousand a month", "money"), ("about five thousand a day", "count")]


# Held-out 9's misses, fixed in general form: written here in other words.
@pytest.mark.parametrize("sentence,text,kind", [
    ("The raffle brought in just over 12,000 rand for the shelter.", "just over 12,000 rand", "money"),
    ("We saved ¥2 million on freight that year.", "¥2 million", "money"),
    ("I negotiated R4,500 off every container.", "R4,500", "money"),
    ("We clawed back about six lakh rupees of unbilled hours.", "about six lakh rupees", "money"),
    ("I got the supplier to drop the price by 4p a bottle.", "4p a bottle", "money"),
    ("By March the branch was second in the region for new accounts.", "second in the region", "number"),
    ("I sat the certification and came out with a score of 910.", "910", "number"),
    ("Turnaround on repairs came down by about a week.", "down by about a week", "duration"),
    ("Night-time call-outs fell by like half once the new valves were in.", "fell by like half", "multiplier"),
    ("Stocktake went from two full days to one morning.", "from two full days to one morning", "change"),
    ("Wrong deliveries went from one in a hundred to about one in eight hundred.",
     "from one in a hundred to about one in eight hundred", "change"),
    ("Shrinkage went from about £3k a month to a few hundred pounds.", "from about £3k a month to a few hundred pounds", "change"),
    ("Open complaints went from like two hundred-odd down to nine.", "from like two hundred-odd down to nine", "change"),
    ("We went from thirty, thirty-five boxes an hour to about fifty boxes an hour.",
     "from thirty, thirty-five boxes an hour to about fifty boxes an hour", "change"),
    # a third tryout's (a non-native speaker's answers)
    ("The fix was live in one hour and twenty minutes.", "one hour and twenty minutes", "duration"),
    ("Sales were more than four times than the year before.", "more than four times than the year before", "multiplier"),
    ("By Saturday we had 240 bookings, a new record.", "240 bookings", "count"),
    # a second tryout's: a share of days; a change between parts of an hour
    ("After the rota change the vans left on time 9 days out of 10.", "9 days out of 10", "percent"),
    ("We were late on 7 of the 10 days before.", "7 of the 10 days", "percent"),
    ("The trucks left on time nine out of ten days.", "nine out of ten days", "percent"),  # (a review's)
    ("We saved about R2 million over the year.", "about R2 million", "money"),
    ("The wait went from well over an hour to about a quarter of an hour.",
     "from well over an hour to about a quarter of an hour", "change"),
    # held-out 10's misses in general form (scored once, then fixed); sentences of our own
    ("Returns came down to 4 per hundred from about 11.", "to 4 per hundred from about 11", "change"),
    ("By spring we were up to nine hundred from six hundred meals a week.", "to nine hundred from six hundred", "change"),
    ("Check-out got down to six minutes from around fifteen.", "to six minutes from around fifteen", "change"),
    ("Attendance went from seventy-something percent to ninety-one.", "from seventy-something percent to ninety-one", "change"),
    ("Our bookings are up twenty percent-ish on last spring.", "twenty percent-ish", "percent"),
    ("I was handling probably forty-plus calls an hour by the end.", "forty-plus calls an hour", "count"),
    ("We recovered NZD 40,000 in unbilled freight.", "NZD 40,000", "money"),
    ("Missed doses dropped to one in fifty.", "one in fifty", "percent"),  # a rate, not "dropped to one"
    # a fourth tryout's (a teacher's)
    ("We had three wrong orders out of six hundred that month.", "three wrong orders out of six hundred", "percent"),
    ("By July nine of the twelve passed their test.", "nine of the twelve passed", "percent"),  # the whole's noun unsaid
    ("Before that only two out of twelve of them passed.", "only two out of twelve", "percent"),  # not "twelve of them passed"
])
def test_other_currencies_ranks_and_changes_said_loosely(sentence, text, kind):
    assert [(m.text, m.kind) for m in find_metrics(sentence)] == [(text, kind)]


# ... and the numbers that set the scene there, in other words.
@pytest.mark.parametrize("sentence", [
    # held-out 10's other scene numbers in general form (scored once, then fixed); our own sentences
    "My mum and three aunties ran the stall with me.",
    "I must have emailed the supplier about a thousand times that week.",
    "One boy was asking a million questions a minute.",
    "The pharmacy is open seven days a week.",
    "Out of sixty stores, ours was the only one with a night team.",
    "The cafe did lunch from twelve to three on Sundays.",
    "I looked after category two calls on the night shift.",
])
def test_family_ways_of_speaking_and_opening_hours_set_the_scene(sentence):
    assert find_metrics(sentence) == []


@pytest.mark.parametrize("sentence", [
    # held-out 10's scene counts in general form (scored once, then fixed); sentences of our own
    "The gala was in May, about 400 guests, and I ran the bar.",
    "I was alone on the platform with maybe 90 passengers waiting.",
    "We've got 60 beds on the unit.",
    "The depot runs three shifts and I was on nights.",
])
def test_the_people_there_and_the_shifts_a_place_runs_set_the_scene(sentence):
    assert find_metrics(sentence) == []


@pytest.mark.parametrize("sentence,kept", [
    # held-out 10's planned times in general form (scored once, then fixed)
    ("We were hoping to get it live in three sprints.", []),
    ("The goal was to have every till switched over in about a month.", []),
    ("The huddle was meant to take ten minutes.", []),
    # the plan's own clause only: what the work took is measured
    ("We aimed for two weeks and did it in nine days.", ["nine days"]),
    ("The new lead got the scores to target in about three months.", ["about three months"]),
])
def test_a_planned_time_is_no_measure_of_the_work(sentence, kept):
    assert [m.text for m in find_metrics(sentence)] == kept


def test_a_count_after_at_is_no_time_of_day():
    # A review's: the time-of-day rule had taken these counts too.
    assert [m.text for m in find_metrics("By June we were at eight forty thousand users.")] == ["eight forty thousand users"]
    assert [m.text for m in find_metrics("We finished at six twenty pallets an hour.")] == ["six twenty pallets an hour"]


def test_a_rank_said_in_compound_ordinals_is_a_change():
    assert [m.text for m in find_metrics("Out of sixty stores, ours went from forty-first to ninth.")] == [
        "from forty-first to ninth"]


@pytest.mark.parametrize("sentence,kept", [
    # held-out 12's scene in general form (scored once, then fixed); sentences of our own
    ("I had a ward of nineteen beds and one healthcare assistant.", []),
    ("We were a crew of five on that boat.", []),
    ("It was just me and three volunteers on the stall.", []),
    ("My aunt ran the bakery for about twenty years before I took it on.", []),
    ("I was on the late shift at the sorting office, four nights a week.", []),
    ("We were doing eight shows a week all summer.", []),
    # held-out 13's, in general form (seen)
    ("I ran payroll for a company of about 250 staff.", []),
    ("We rebuilt the intake with a team of four nurses.", []),
    ("I'd been on the night desk for a year, four nights a week, when it happened.", []),
    # held-out 13's, in general form (seen): a count listed with one that sets the scene sets
    # it too, and a result's time said in another clause leaves the scene a scene
    ("We had six porters and two supervisors on nights.", []),
    ("There were 300 pupils, 40 staff and 2 cleaners.", []),
    ("We had 12 trucks and 3 drivers, and by the end of the year we had cut fuel by 9%.", ["9%"]),
    ("My manager said nobody could follow it — I had forty slides and read them all out.", []),
    # what was done stays counted, and so does what the work took
    ("I trained a class of twelve new starters.", ["twelve new starters"]),
    ("We had 14 vans and hired 2 drivers.", ["2 drivers"]),
    ("By March we had 120 paying customers.", ["120 paying customers"]),
    ("We had 120 customers by the end of March.", ["120 customers"]),
    ("We changed the rota so nobody had two bays on their own.", ["two bays"]),
    ("It took four years to build the new wing.", ["four years"]),
    ("The clinic has run the drop-in for two years now.", ["two years"]),
    ("Our scores matched the county's for the first time in five years.", ["five years"]),
    # (a review's) savings, records, a result that held, recognition and growth stay measures
    ("It saved the team two days a week.", ["two days a week"]),
    ("It was our first profit in four years.", ["four years"]),
    ("Since then we've had no falls for two years.", ["two years"]),
    ("They promoted me and two others.", ["two others"]),
    ("Within a year we were a team of forty engineers.", ["forty engineers"]),
    ("I worked three extra shifts a week to clear it.", ["three extra shifts a week"]),
    ("I gave up two evenings a week to go through the files.", ["two evenings a week"]),
    ("The reconciliation took me about three days every month.", ["about three days every month"]),
])
def test_what_a_scene_is_made_of_and_how_long_a_post_was_held_set_the_scene(sentence, kept):
    assert [m.text for m in find_metrics(sentence)] == kept


@pytest.mark.parametrize("sentence,kept", [
    # held-out 13's, in general form (seen); sentences of our own
    ("We sold about 150 more tickets than the year before.", ["about 150 more tickets"]),
    ("We cleared 40 claims that week, eleven more than the target.", ["40 claims", "eleven more"]),
    ("The new press ran at roughly twice the old one's speed.", ["roughly twice the old one's speed"]),
    ("It worked out at 40 rupees a meal.", ["40 rupees a meal"]),
    ("The caterer charged us about £12 a head, which was fine.", ["about £12 a head"]),
    ("By June, five of the six branches were using it.", ["five of the six branches"]),
    ("Of the two hundred families we called, we reached all but four.", ["two hundred families"]),
    # the whole alone, who one was, where it ran, how far away, what kind of shift
    ("I was the newest of the four night porters.", []),
    ("I was one of the two pharmacists on duty.", []),
    ("We trialled it in two of the nine depots first.", []),
    ("The warehouse was forty minutes away, so I drove.", []),
    ("We all worked ten-hour shifts over the summer.", []),
    ("I checked it twice the next morning.", []),
    # what was done stays counted
    ("It took two hours away from the team every week.", ["two hours"]),
    # (a review's) a list said with a result's time, none of a thing, how many of a whole,
    # a measure joined to what it measures
    ("We had 120 customers and 30 partners by the end of March.", ["120 customers", "30 partners"]),
    ("We had 12 stores and zero stockouts that winter.", ["zero stockouts"]),
    ("12 out of the 15 nurses passed.", ["12 out of the 15 nurses"]),
    ("We kept all of the 40 clients.", ["40 clients"]),
    ("None of the 12 sites went down.", ["12 sites"]),
    ("That gave us two-hour response times.", ["two-hour"]),
    ("We moved from twelve-hour shifts to eight-hour shifts.", ["twelve-hour", "eight-hour"]),
    ("We got the dock back two hours early.", ["two hours early"]),
])
def test_comparisons_shares_and_money_on_each_thing(sentence, kept):
    assert [m.text for m in find_metrics(sentence)] == kept


@pytest.mark.parametrize("sentence,kept", [
    # held-out 14's, in general form (seen); sentences of our own. What a place holds, who
    # came along, an age gap, a tenure that ends in a move, the span a saving covers, a
    # team's spread, a figure taken back aloud
    ("The ballroom seats about four hundred, and I cut the band's fee by £900.", ["£900"]),
    ("The hostel can sleep sixty guests.", []),
    ("With about forty marshals, I ran the race and we finished on time.", []),
    ("She had fifteen years on me, so I listened first.", []),
    ("I stocked shelves for three years before I moved into buying.", []),
    ("The new supplier saved us 90,000 euros over the four years.", ["90,000 euros"]),
    ("Our crew was spread across three depots.", []),
    ("We raised about 40 grand, sorry, 45 grand for the hospice.", ["45 grand"]),
    # ... and what was done stays counted: a tenure with no move, a step's own time, a
    # place's work, a crew spread out by the speaker, a share of one whole
    ("We seated 300 guests in under an hour.", ["300 guests", "in under an hour"]),
    ("I ran both systems side by side for two months before I trusted it.", ["two months"]),
    ("I spread the crews across three depots and cut the drive times by a third.", ["three depots", "by a third"]),
    ("Heat pumps are now about a fifth of the garage's work.", ["about a fifth"]),
    ("I blocked an hour and a quarter every morning for the backlog.", ["an hour and a quarter every morning"]),
    ("I met them at 6:30 each morning.", []),
    # (a review's) what a place holds after the work, gains, a thing's age, a step's time,
    # a span with no measure before it, a figure added rather than taken back, a figure
    # taken back with its unit said twice, a colon that is no clock
    ("After the refit the ward now holds thirty beds instead of twenty.", ["thirty beds instead of twenty"]),
    ("The new kitchen seats 90 covers, up from 60.", ["90 covers", "up from 60"]),
    ("With 300 new sign-ups, we beat our target.", ["300 new sign-ups"]),
    ("With just about sixty volunteers, I ran the appeal.", []),
    ("The new buses are five years younger on average than the old fleet.", ["five years"]),
    ("We piloted it for two years before we switched the whole company over.", ["two years"]),
    ("I coached him over the six months and he passed his exams.", ["six months"]),
    ("We sold 400 units, actually over 500 by the end of the month.", ["400 units", "over 500"]),
    ("I handled 30 calls a day, sorry, 35 calls a day.", ["35 calls a day"]),
    ("Result:40% fewer errors.", ["40%"]),
])
def test_capacity_company_age_gaps_tenures_and_figures_taken_back(sentence, kept):
    assert [m.text for m in find_metrics(sentence)] == kept


@pytest.mark.parametrize("sentence,text", [
    # held-out 13's misses in general form (seen): a measure cut short of its rate
    ("The new form saved each nurse about twenty minutes per patient.", "about twenty minutes per patient"),
    ("We paid out about 80 euros per claim in goodwill.", "about 80 euros per claim"),
    ("It came to 3,000 rupees per student per year.", "3,000 rupees per student per year"),
    ("It rose by 40 per cent.", "40 per cent"),
])
def test_a_measure_keeps_its_rate_per_thing(sentence, text):
    assert [m.text for m in find_metrics(sentence)][:1] == [text]


def test_the_people_served_and_shifts_covered_are_still_counted():
    assert [m.text for m in find_metrics("We checked in 180 passengers in twenty minutes.")] == ["180 passengers",
                                                                                               "twenty minutes"]
    assert [m.text for m in find_metrics("I covered two shifts for her that week.")] == ["two shifts"]


@pytest.mark.parametrize("sentence", [
    # a fourth tryout's: an age, a school year group, a time of day
    "It is very different from teaching fourteen year olds.",
    "I was head of year for about two hundred and forty Year 9 students.",
    "The last van left at eight forty every evening.",
])
def test_ages_year_groups_and_times_of_day_in_words_measure_nothing(sentence):
    assert find_metrics(sentence) == []


@pytest.mark.parametrize("sentence", [
    "It was a care home with sixty beds and one lift.",
    "I'm in a team of nine fitters, about three years in, and we still used paper job cards.",
    "I was only four months in when the audit landed.",
    "The charity had two vans covering three counties.",
    "We tested the new menu in two of the six branches first.",
    "I pulled the figures from the last four months.",
    "My manager had, honestly, a thousand ideas about the layout.",
    # (a review's) names, a screen, a bar set, a way of speaking, a scene by morning
    "We moved the ledger to Oracle R12.",
    "The cameras record up to 1080p.",
    "We set a minimum grade of 50 for late work.",
    "That's my two cents.",
    "By the next morning we had 300 angry emails.",
    "We had 60 beds, and I checked the record of each patient.",  # (a review's) a record as a noun
    "Everyone needed a score of 80 to pass the course.",  # a bar set
    "We opened a new site with 40 beds.",
    "I was at a supermarket with eighteen cashiers on the front end.",
])
def test_numbers_that_set_the_scene_said_loosely(sentence):
    assert find_metrics(sentence) == []


@pytest.mark.parametrize("sentence,text", [
    # a result said after "with": what the place ended with
    ("The kitchen passed its inspection with zero violations.", "zero violations"),
    # a share of the whole that is the result
    ("That term I was teaching three of my four classes on my own.", "three of my four classes"),
    # how long a result held
    ("There were no missed doses in the next three months.", "three months"),
    # how far the work reached
    ("I rolled the checklist out across 14 stores.", "14 stores"),
    ("I led a team of six engineers.", "six engineers"),
    # (a review's) a period ended with an amount; a team grown into; a share of shifts; a
    # system live across branches; how long a result held
    ("We finished the year with 120 clients.", "120 clients"),
    ("We left the fair with 60 qualified leads.", "60 qualified leads"),
    ("I grew it into a team of 20 people.", "20 people"),
    ("We were fully staffed on 28 of the 30 shifts.", "28 of the 30 shifts"),
    ("It went live across 30 branches.", "30 branches"),
    ("He was never late for the whole six months.", "six months"),
])
def test_the_scene_rules_leave_results_alone(sentence, text):
    assert text in [m.text for m in find_metrics(sentence)]


@pytest.mark.parametrize("sentence,kept", [
    # a nurse's tryout: a level come back to, and a stay said in one unit of time
    ("By the morning his pressure was back up to 110 and he was home in a week.", ["back up to 110", "in a week"]),
    ("I trained four new chefs in a fortnight.", ["four new chefs", "in a fortnight"]),
    ("We had the leak fixed within a day.", ["within a day"]),
    # ... not a plan, a wish, a future, a rate, the window of a change, or relative to another time
    ("I start the new job in a week.", []),
    ("She wanted it done in a week.", []),
    ("My job was to get the ward switched over in a month.", []),
    ("It happened twice in a week.", []),
    ("Complaints had doubled in a month.", ["doubled"]),
    ("Both orders landed within a day of the deadline.", []),
    ("We went back to 2019 levels.", []),
])
def test_a_level_come_back_to_and_work_done_in_one_unit_of_time(sentence, kept):
    assert [m.text for m in find_metrics(sentence)] == kept


@pytest.mark.parametrize("sentence,kept", [
    # held-out 15's misses and false metrics, in general form (seen); sentences of our own
    ("Returns fell roughly tenfold after I moved the sizing chart.", ["tenfold"]),
    ("The new rota saved each nurse a couple of hours every week.", ["a couple of hours every week"]),
    ("We met a couple of hours later.", []),
    ("Our patient rating ended up at ninety-one.", ["ninety-one"]),
    ("Sales rose by something like ten to fifteen percent.", ["something like ten to fifteen percent"]),
    ("The hall held about four hundred people, so we booked two.", []),
    ("I held 40 meetings with the families.", ["40 meetings"]),
])
def test_folds_loose_time_saved_where_a_score_ended_ranges_and_a_place_in_the_past(sentence, kept):
    assert [m.text for m in find_metrics(sentence)] == kept


@pytest.mark.parametrize("sentence,kept", [
    # a nurse's tryout: a count set against the one it replaced, and durations said without
    # their hyphen that describe what follows; held-out 15's rating change (seen)
    ("Nights now run with seven porters instead of eleven.", ["seven porters instead of eleven"]),
    ("We print two copies rather than the usual five.", ["two copies rather than the usual five"]),
    ("I chose option two instead of three.", []),
    ("Morale went from a five out of ten to a seven and a half.", ["from a five out of ten to a seven and a half"]),
    ("I brought in thirty second checks at every bed change.", []),
    ("I started ten-minute team huddles before each shift.", []),
    ("I set up a twenty minute call with the site twice a week.", []),
    ("The review went from an hour to twenty minute slots.", ["from an hour to twenty minute slots"]),
    ("It took us twenty minutes.", ["twenty minutes"]),
    # a teacher's tryout: a gain on a scale of grades or marks (not what the students did)
    ("Students who sat two mocks scored on average half a grade higher.", ["two mocks", "half a grade higher"]),
    ("The set went up two bands by the summer.", ["two bands"]),
    ("Five of them moved up a grade.", ["Five of them moved up"]),
    # held-out 16's (seen), in general form; sentences of our own
    ("The new rota was meant to save about ten grand a year, but it was scrapped in March.", []),
    ("We were going to take on six more drivers if the contract came through, but it didn't.", []),
    ("We were going to lose 40 customers, but we kept all of them.", ["40 customers"]),
    ("I always give a hundred and ten percent.", []),
    ("We raised nine hundred pounds, which beat our target by about two hundred.",
     ["nine hundred pounds", "beat our target by about two hundred"]),
    ("Claims took forty days, and we got that down to about twelve.", ["forty days", "got that down to about twelve"]),
    ("The roof was done in two days, a day quicker than planned.", ["two days", "a day quicker"]),
    ("Her set went up on average by half a grade.", ["went up on average by half a grade"]),
    # ... not a cost avoided, a target hit, a budget, or more than 100% of something (a review's)
    ("That fault would have cost us about 80 thousand dollars if we didn't catch it.", ["about 80 thousand dollars"]),
    ("We hit our target of 95 percent on time, but it wasn't easy.", ["95 percent"]),
    ("Our budget of 20 thousand dollars was tight, but the vendor wasn't flexible.", ["20 thousand dollars"]),
    ("The launch put 150 percent more traffic on our servers.", ["150 percent"]),
])
def test_counts_instead_of_others_ratings_changed_and_durations_that_describe(sentence, kept):
    assert [m.text for m in find_metrics(sentence)] == kept


@pytest.mark.parametrize("sentence, kept", [
    # a warehouse supervisor's tryout (English her second language): a tenure said in the
    # present, "one hundred and forty" as Whisper writes it, and some of a group kept
    ("So I work in the warehouse for fourteen years.", []),
    ("The older ones were worried because they do the paper for twenty years.", []),
    ("We opened 100 and 40 new accounts that quarter.", ["100 and 40 new accounts"]),
    ("We went from 60 to about 100 and 10 cases an hour.", ["from 60 to about 100 and 10 cases"]),
    ("Their pick rate went from 60 to 100 and 10.", ["from 60 to 100 and 10"]),  # a review's: before a full stop
    ("In the end we kept 18 of them as permanent staff.", ["kept 18 of them"]),
    ("Eighteen of them stayed.", ["Eighteen of them stayed"]),
    # ... not a stay that measures nothing, nor two numbers said apart
    ("Two of them stayed late to help me.", []),
    ("Three of them stayed angry for weeks.", []),
    ("The contract we won is for three years.", ["three years"]),  # a review's: no tenure
    ("Between 200 and 300 orders a day came in.", ["Between 200 and 300 orders a day"]),
    ("The task took 3 years.", ["3 years"]),
])
def test_second_language_tenures_whisper_hundreds_and_some_of_a_group_kept(sentence, kept):
    assert [m.text for m in find_metrics(sentence)] == kept


@pytest.mark.parametrize("sentence, kept", [
    # held-out 17's errors (seen), each in its general form, said in other words
    # someone else's words, a past that did not happen, a goal never reached
    ('My manager said, "I want thirty new sign-ups by June," so I started there.', []),
    ('Our head chef always says "eighty percent of cooking is prep."', []),
    ("If I'd had two more drivers we could have cleared the lot.", []),
    ("We could've saved maybe forty hours with the right tool.", []),
    ("The owner wanted us to hit fifty covers a night, but we never got close.", []),
    ("My old boss had done three audits before and he warned me.", []),
    # ... the scene: one of a few, and what a place is, said beside it
    ("I was one of, maybe, six drivers on the early route.", []),
    ("It was a tiny bakery, about five staff and two vans.", []),
    ("The shop has been in our family for four generations.", []),
    # ... ways of speaking and a plan
    ("It felt like a thousand years before the parts came.", []),
    ("I'm a hundred percent sure it was the right call.", []),
    ("My task was to get the new tills working in under two days, which head office asked for.", []),
    # ... and measures said in new ways
    ("We cut the waiting list by half in a month.", ["cut the waiting list by half", "in a month"]),
    ("Her average went from three point one to three point nine in two semesters.",
     ["from three point one to three point nine", "two semesters"]),
    ("We chased roughly ten to twelve thousand in overdue invoices.", ["roughly ten to twelve thousand"]),
    ("The crew was finishing each flat about twenty minutes faster.", ["about twenty minutes faster"]),
    ("We repainted forty rooms, all in one week.", ["forty rooms", "all in one week"]),
    ("Sales are increased from 300 cakes per week until 480.", ["from 300 cakes per week until 480"]),
    ("It was taking me two evenings every month.", ["taking me two evenings"]),
    # a hotel receptionist's tryout, asked "Compared with what?" of a time set against another
    ("The counting after the fair took twenty minutes, not three hours.", ["twenty minutes, not three hours"]),
])
def test_held_out_17s_errors_in_general_form(sentence, kept):
    assert [m.text for m in find_metrics(sentence)] == kept


@pytest.mark.parametrize("sentence, kept", [
    # ... and where each new rule stops
    ("Retention was a hundred percent that year.", ["a hundred percent"]),
    ("If we had a spare van we used it, and we delivered 80 parcels.", ["80 parcels"]),
    ("We moved the whole office in a single day.", ["in a single day"]),
    ("We had two weddings and a funeral all in one week.", []),
    # (a review's: measures the first versions of the rules dropped, and a constraint made a change)
    ("I could have escalated it, but instead I fixed it myself in two hours.", ["two hours"]),
    ("Looking back I would have liked more time, but we still cut costs by 30%.", ["30%"]),
    ("After the changes we were 100% compliant at the next inspection.", ["100%"]),
    ("Our on-time rate was 100% with no late deliveries.", ["100%"]),
    ("My team had completed 40 audits by the end of the quarter.", ["40 audits"]),
    ("My job was to fix the backlog which I did in three days.", ["three days"]),
    ("Our aim was met within six weeks.", ["six weeks"]),
    ("The deadline was two weeks, not a month, so I had to move fast.", []),
    ("The engineer would have cost us two thousand pounds, so I fixed it myself.", ["two thousand pounds"]),
    ("I had done 40 interviews by the end of the month.", ["40 interviews"]),
    ("It was a busy week, and we served about 900 meals.", ["about 900 meals"]),
    ("The plan was to open in May, and we did it in three weeks.", ["three weeks"]),
    ("My boss told me to call the supplier, so I got the price down to £400.", ["£400"]),
])
def test_held_out_17s_rules_leave_measures_alone(sentence, kept):
    assert [m.text for m in find_metrics(sentence)] == kept


@pytest.mark.parametrize("sentence, kept", [
    # held-out 18's errors (seen), each in its general form, said in other words
    # the scene: people listed after "there was N of us", a headcount said aside with where they were
    ("There were two of us at the counter and about sixty passengers queuing.", []),
    ("I did the late shift, nine people on the ward, and it was chaos.", []),
    # a target quoted or said and never hit; a plan still ahead
    ('Her target was, quote, "fifty fittings a week", and we, we never got near it.', []),
    ("The goal was two hundred signatures and, sadly, we never reached it.", []),
    ("The plan for next term is to get attendance up to ninety-five percent.", []),
    ("We're aiming to cut food waste by a fifth by the summer.", []),
    ("I'm hoping to get the wait down to ten minutes.", []),
    # opening hours, working days and school terms
    ("I managed the night desk at a 24-hour chemist in town.", []),
    ("I worked in the 24-hour petrol station near the motorway.", []),
    ("I open the shop at six, six days a week.", []),
    ("Test scores rose from 55 percent to 70 percent across the three terms.", ["from 55 percent to 70 percent"]),
    # measures said in new ways
    ("The bid came to four, no, four point five million pounds in the end.", ["four point five million pounds"]),
    ("Since the new rota there's been not one late handover.", ["not one late handover"]),
    ("We signed up three times as many new volunteers that spring.", ["three times as many new volunteers"]),
])
def test_held_out_18s_errors_in_general_form(sentence, kept):
    assert [m.text for m in find_metrics(sentence)] == kept


@pytest.mark.parametrize("sentence, kept", [
    # ... and where each new rule stops
    ("The four of us trained 200 new carers that year.", ["200 new carers"]),
    ("The target was 95 percent and we hit 97 percent.", ["95 percent", "97 percent"]),
    ("We aimed to cut waste by 10 percent and cut it by 15 percent.", ["10 percent", "15 percent"]),
    ("We kept the 24-hour turnaround all year.", ["24-hour"]),
    ("I freed up two days a week for the team.", ["two days a week"]),
    ("We cut the rota to four days a week.", ["four days a week"]),
    ("It took two terms to get everyone through.", ["two terms"]),
    ("Twice as many as last year came.", ["Twice as many"]),
    ("Not one of them complained.", []),
])
def test_held_out_18s_rules_leave_measures_alone(sentence, kept):
    assert [m.text for m in find_metrics(sentence)] == kept


@pytest.mark.parametrize("sentence, kept", [
    # a tryout's (a retired army sergeant): years and 24-hour times said in words
    ("In two thousand and three I was posted to Germany.", []),
    ("Back in two thousand, we moved the whole depot.", []),
    ("The vehicle checks were at oh six hundred hours.", []),
    ("We were ready at zero seven hundred.", []),
    ("The convoy left by 0600 hours.", []),
    ("The lesson of my twenty two years of service is to listen first.", []),
    ("I have ten years' experience in care homes.", []),
    # ... and measures they still are
    ("We moved two thousand tonnes in a week.", ["two thousand tonnes", "in a week"]),
    ("He had six hundred hours of flying by then.", ["six hundred hours"]),
    ("I saved the unit two thousand pounds.", ["two thousand pounds"]),
    ("The new tool saved us two years of work.", ["two years"]),
])
def test_years_clock_times_and_a_career_s_length_measure_nothing(sentence, kept):
    assert [m.text for m in find_metrics(sentence)] == kept


def test_the_same_measure_said_again_is_one_measure():
    # a tryout's "from 72% to 85%" and "from 72 to 85%" were two metrics
    assert said_once(["from 72% to 85%", "A", "from 72 to 85%", "a", "from 72 percent to 85 percent"]) == ["from 72% to 85%", "A"]
    assert said_once(["50 customers", "50%"]) == ["50 customers", "50%"]


@pytest.mark.parametrize("sentence, kept", [
    # a review's: measures the first versions of this session's rules dropped or invented
    ("Our goal was quality, and we cut defects by 40 percent, and we never got another recall.", ["40 percent"]),
    ("We grew membership by two thousand.", ["two thousand"]),
    ("We cut overtime by 1200 hours last year.", ["1200 hours"]),
    ("After 1000 hours of testing we shipped.", ["1000 hours"]),
    ("There were only two of us and 300 orders went out that day.", ["300 orders"]),
    ("It was not one project but three.", []),
    ("There's not one right answer here.", []),
    ("The aim is to get pick accuracy up to 99 percent, which we reached in May.", ["up to 99 percent"]),
    ("The refit got us another five years of service out of the old trucks.", ["five years"]),
    ("After the change the team worked four days a week with no drop in output.", ["four days a week"]),
    ("At one point two million dollars of stock was at risk.", ["two million dollars"]),
    ("We had three times as many this year.", ["three times as many"]),
])
def test_this_sessions_scene_and_plan_rules_leave_measures_alone(sentence, kept):
    assert [m.text for m in find_metrics(sentence)] == kept
