"""The educational articles, written from the client's source page and corrected by current evidence.

Seeded by `manage.py seed_store`; staff edit them afterwards in the dashboard.
"""

# Each Markdown paragraph and each citation stays on one line, as staff will edit it in the dashboard.
# ruff: noqa: E501

from datetime import date

REVIEWED = date(2026, 11, 25)
REVIEWER = "Restful Legs Vitamins editorial team"

ARTICLES = [
    {
        "slug": "vitamins-for-restless-legs",
        "title": "Vitamins for Restless Legs",
        "summary": (
            "An honest overview of how iron, magnesium, folate, vitamin B12, vitamin E and other "
            "vitamins relate to restless legs syndrome, and how strong the evidence really is."
        ),
        "nutrients": [],
        "body": """Restless legs syndrome (RLS) is a common condition of the nervous system that turns sitting still, resting and falling asleep into hard work. Up to 7 to 10 percent of adults in the United States have at least some symptoms, and about 2 to 3 percent have symptoms often and strongly enough to count as clinically significant.

If you live with RLS, you have probably read that vitamins are the answer. The real picture is more useful than that: one nutrient has strong evidence behind it, a few have small or early studies, and several rest on little more than a theory. This series walks through each one, says plainly how good the evidence is, and explains what your doctor is likely to check.

## Iron comes first, and it is a mineral

The best-established nutritional link with RLS is iron, which is a mineral rather than a vitamin. Studies of donated brain tissue and brain scans point to too little iron inside certain parts of the brain, even in many people whose blood iron looks normal. Low iron stores in the body make this more likely, which is why checking iron is a routine first step in RLS care.

The 2024 treatment guideline from the American Academy of Sleep Medicine (AASM) recommends iron for people with RLS whose blood tests show low or low-normal iron stores.

## Vitamins and dopamine: what is true and what is not

You may read that vitamins "act like dopamine agonists." They do not. Iron and vitamin B6 are among the helpers the body uses to make dopamine, a brain messenger involved in RLS, but taking them is nothing like taking a drug that switches on dopamine receptors. And the dopamine-agonist medicines that were once the usual choice for RLS are now advised against for routine use, because over time they can make symptoms worse, a problem called augmentation.

Anemia is another common thread. RLS is more frequent in people with iron-deficiency anemia, but iron stores can run low long before anemia shows up on a blood count, so doctors look at ferritin, not just hemoglobin. Shortfalls of folate and vitamin B12 cause a different kind of anemia and can also affect nerves, which is one reason they come up in conversations about RLS.

## The nutrients at a glance

- **Iron:** the strongest evidence. Whether to take it is decided by ferritin and transferrin saturation tests, and the doses used for RLS are for a doctor to supervise.
- **Magnesium:** a mineral with a few small studies, the best known a 1998 pilot study in 10 people with no placebo group. Interesting, not proven.
- **Folate (folic acid):** low folate has been linked with RLS, especially in pregnancy, but the supplement evidence is a handful of case reports from the 1970s.
- **Vitamin B12:** a deficiency harms nerves and is worth finding and correcting, but there is little evidence for RLS itself. A small 1993 Irish study often quoted for B12 actually reported improvement with iron, and the same team's 1994 follow-up found no difference in B12 levels between people with and without RLS.
- **Vitamin E:** a 1969 case series without a comparison group, plus one small 2012 trial in people on dialysis.
- **Vitamins B6, B1 and A:** the links are mostly theoretical, and high-dose B6 can itself cause tingling and burning in the legs.

A 2024 review of 10 small randomized trials of supplements in RLS found some encouraging signals for magnesium, vitamin B6, iron and vitamins C and E. But the reviewers judged half of the trials to be at high risk of bias and called for larger, better studies. The AASM guideline's only vitamin suggestion is vitamin C, and only for people with RLS who have end-stage kidney disease.

## If you are thinking about supplements

- **Test first.** Ask about ferritin and transferrin saturation and, where it makes sense, vitamin B12 and folate. Taking supplements blindly can hide a problem or create a new one.
- **Know the limits.** Each nutrient has a Daily Value (the reference amount used on labels) and most have an adult Upper Limit (the most that is likely to be safe every day). Iron, for example, has a Daily Value of 18 mg and an Upper Limit of 45 mg.
- **Watch for interactions.** Iron, magnesium, folic acid and vitamin B6 can all change how certain medicines work or are absorbed.
- **Take extra care** if you are pregnant or nursing, have kidney disease, or take several medicines.
- **Look at the whole picture.** Sedating antihistamines, many antidepressants, alcohol, caffeine and nicotine can all make RLS worse, and effective prescription options exist.

Supplements can correct a real shortfall. They are not a substitute for a diagnosis, and no vitamin has been shown to make RLS go away.

## Where to go next

The next article explains what RLS is, how it is diagnosed and what current guidelines recommend. After that, each nutrient has its own article covering the research, the tests and the safety points.

Please talk to your doctor or pharmacist before starting any supplement for restless legs, and bring a list of everything you already take.""",
        "references": [
            "Winkelman JW, Berkowski JA, DelRosso LM, et al. Treatment of restless legs syndrome and periodic limb movement disorder: an American Academy of Sleep Medicine clinical practice guideline. J Clin Sleep Med 2025;21(1):137-152.",
            "Allen RP, Picchietti DL, Auerbach M, et al. Evidence-based and consensus clinical practice guidelines for the iron treatment of restless legs syndrome/Willis-Ekbom disease in adults and children: an IRLSSG task force report. Sleep Med 2018;41:27-44.",
            "Connor JR, Boyer PJ, Menzies SL, et al. Neuropathological examination suggests impaired brain iron acquisition in restless legs syndrome. Neurology 2003;61(3):304-309.",
            "González-Parejo P, Martín-Núñez J, Cabrera-Martos I, Valenza MC. Effects of dietary supplementation in patients with restless legs syndrome: a systematic review. Nutrients 2024;16(14):2315.",
            "Hornyak M, Voderholzer U, Hohagen F, Berger M, Riemann D. Magnesium therapy for periodic leg movements-related insomnia and restless legs syndrome: an open pilot study. Sleep 1998;21(5):501-505.",
            "Lee KA, Zaffke ME, Baratte-Beebe K. Restless legs syndrome and sleep disturbance during pregnancy: the role of folate and iron. J Womens Health Gend Based Med 2001;10(4):335-341.",
            "Botez MI, Cadotte M, Beaulieu R, Pichette LP, Pison C. Neurologic disorders responsive to folic acid therapy. Can Med Assoc J 1976;115(3):217-223.",
            "O'Keeffe ST, Noel J, Lavan JN. Restless legs syndrome in the elderly. Postgrad Med J 1993;69(815):701-703.",
            "O'Keeffe ST, Gavin K, Lavan JN. Iron status and restless legs syndrome in the elderly. Age Ageing 1994;23(3):200-203.",
            "Ayres S Jr, Mihan R. Leg cramps (systremma) and 'restless legs' syndrome: response to vitamin E (tocopherol). Calif Med 1969;111(2):87-91.",
            "Sagheb MM, Dormanesh B, Fallahzadeh MK, et al. Efficacy of vitamins C, E, and their combination for treatment of restless legs syndrome in hemodialysis patients: a randomized, double-blind, placebo-controlled trial. Sleep Med 2012;13(5):542-545.",
            "National Institutes of Health, Office of Dietary Supplements. Iron: Fact Sheet for Health Professionals. https://ods.od.nih.gov/factsheets/Iron-HealthProfessional/",
            "National Institutes of Health, Office of Dietary Supplements. Vitamin B6: Fact Sheet for Health Professionals. https://ods.od.nih.gov/factsheets/VitaminB6-HealthProfessional/",
            "Restless Legs Syndrome Foundation. About RLS. https://www.rls.org/",
        ],
        "pin_description": (
            "What research says about iron, magnesium, folate, vitamin B12 and vitamin E, how "
            "strong the evidence is and what a doctor checks first, with references."
        ),
        "product_link_text": "what research says about these nutrients",
    },
    {
        "slug": "what-is-rls",
        "title": "What Is Restless Legs Syndrome?",
        "summary": (
            "What restless legs syndrome feels like, how common it is, what can bring it on, how "
            "doctors diagnose it and what the 2024 sleep medicine guideline recommends."
        ),
        "nutrients": [],
        "body": """Restless legs syndrome (RLS), also called Willis-Ekbom disease, is a neurological condition that affects how the brain and nerves handle sensation and movement. Its hallmark is a strong urge to move the legs, usually together with uncomfortable feelings deep inside them. People describe creeping, crawling, pulling, throbbing or itching, or a fizzy, "electric" feeling. Some people feel it in their arms too.

## The four key features

Doctors look for all four of these:

- An urge to move the legs, usually with unpleasant sensations.
- It starts or gets worse at rest: sitting, lying down, or on a long flight or car ride.
- Walking, stretching or moving eases it, at least for as long as the movement continues.
- It is worse in the evening and at night than during the day.

The symptoms also must not be fully explained by something else, such as leg cramps, arthritis or swelling. Many people with RLS also have periodic limb movements: repeated jerks or kicks of the legs during sleep that a bed partner often notices first.

## How common is it?

Up to 7 to 10 percent of adults in the United States have some RLS symptoms. About 2 to 3 percent have clinically significant RLS, meaning symptoms at least twice a week that cause moderate or severe distress. RLS is more common in women and with age, and it often runs in families.

## What causes it?

Genes and brain iron both play a part: research points to too little iron in key areas of the brain, even when blood tests look normal. RLS can also be secondary, meaning another condition or substance brings it on or makes it worse:

- iron deficiency, with or without anemia
- kidney failure, especially for people on dialysis
- pregnancy, mostly in later months; it often goes away after delivery
- medicines, including sedating antihistamines (found in many allergy and sleep aids), dopamine-blocking drugs such as some anti-nausea and antipsychotic medicines, and many antidepressants
- alcohol, caffeine and nicotine

Don't stop a prescribed medicine on your own; ask your doctor whether it could be playing a role.

## How it is diagnosed

There is no single test for RLS. The diagnosis rests on your description, so note when symptoms start, what they feel like and what eases them. Your doctor will ask about your family, medicines and sleep, check for look-alikes such as nerve damage (neuropathy), and order blood tests. The most important are ferritin and transferrin saturation, ideally taken in the morning after at least a day without iron supplements. A sleep study is rarely needed.

## What the 2024 guideline recommends

The American Academy of Sleep Medicine (AASM) updated its RLS treatment guideline in 2024:

- **Check iron in everyone with clinically significant RLS,** and give iron, by mouth or by vein, when ferritin is 75 ng/mL or lower or transferrin saturation is below 20 percent.
- **Gabapentin, gabapentin enacarbil and pregabalin** received strong recommendations. These medicines calm overactive nerve signaling.
- **Dopamine agonists** (pramipexole, ropinirole, rotigotine) and levodopa, long the usual first choice, are now suggested against for standard use.
- Specialists have further options for severe or hard-to-manage RLS.

Everyday habits help many people too: regular sleep, moderate exercise, keeping the mind busy during long sits, and less alcohol, caffeine and nicotine.

## Augmentation: why dopamine drugs fell out of favor

Dopamine medicines often work well at first. Over months or years, though, many people develop augmentation: symptoms begin earlier in the day, grow more intense, come on faster at rest, or spread to the arms. Raising the dose tends to make it worse. If you notice this on one of these medicines, tell your doctor, but don't stop suddenly: coming off them needs a plan.

## Where vitamins fit

Vitamins are not a guideline treatment for RLS. Iron, a mineral, is the nutrient with solid evidence, and only when tests show it is needed. The next articles look at each nutrient in turn.

If your legs keep you up at night, talk to your doctor: RLS is real, common, and worth a proper diagnosis.""",
        "references": [
            "Winkelman JW, Berkowski JA, DelRosso LM, et al. Treatment of restless legs syndrome and periodic limb movement disorder: an American Academy of Sleep Medicine clinical practice guideline. J Clin Sleep Med 2025;21(1):137-152.",
            "Allen RP, Picchietti DL, Auerbach M, et al. Evidence-based and consensus clinical practice guidelines for the iron treatment of restless legs syndrome/Willis-Ekbom disease in adults and children: an IRLSSG task force report. Sleep Med 2018;41:27-44.",
            "Connor JR, Boyer PJ, Menzies SL, et al. Neuropathological examination suggests impaired brain iron acquisition in restless legs syndrome. Neurology 2003;61(3):304-309.",
            "Restless Legs Syndrome Foundation. About RLS. https://www.rls.org/",
        ],
        "pin_description": (
            "A plain-language guide to a common nervous-system condition: how doctors recognize "
            "it, what can bring it on, the role of iron and what the latest guideline says."
        ),
        "product_link_text": "background reading on current guidelines",
    },
    {
        "slug": "iron-and-rls",
        "title": "Iron and RLS",
        "summary": (
            "Why iron is the best-studied nutrient in restless legs syndrome, what the brain "
            "research found, which blood tests guide iron therapy and how to use iron safely."
        ),
        "nutrients": ["iron"],
        "body": """Of all the nutrients linked to restless legs syndrome (RLS), iron has by far the strongest evidence. It is also the one where getting the details right matters most, because both too little and too much iron cause harm.

## What the research found

The brain needs iron to make dopamine and to keep nerve cells working smoothly. A key finding came from brain tissue donated to the RLS Foundation collection at the Harvard Brain Tissue Resource Center. In 2003, Connor and colleagues compared the brains of seven people who had RLS with brains from people without neurological disease.

- In the substantia nigra, a small area deep in the brain involved in movement, the RLS brains had markedly less iron and less of the iron-storage protein H-ferritin.
- The machinery cells use to take up iron, including transferrin receptors, looked abnormal.
- There was no sign of brain cells dying off, and the dopamine-making cells looked normal.

Together this points to iron deficiency inside the brain, often in people whose blood iron is normal: the brain seems to have trouble drawing in the iron it needs. Brain imaging studies point the same way. Low iron stores in the body add to the problem, which helps explain why RLS is more common in iron deficiency.

## How strong is the evidence?

Strong, by RLS standards. Early support came from small studies such as one in older adults in Ireland, published in 1994: people with RLS had lower ferritin than matched people without it, and after two months of iron tablets their symptoms improved most when their ferritin had been lowest. Since then, randomized, placebo-controlled trials of iron given by vein, especially ferric carboxymaltose, have shown benefit in people with RLS. A task force of the International RLS Study Group (IRLSSG) reviewed the research in 2018 and judged oral iron possibly effective for people with low ferritin. The 2024 guideline from the American Academy of Sleep Medicine (AASM) gives IV ferric carboxymaltose a strong recommendation and oral ferrous sulfate a conditional one.

Iron is not expected to help everyone. People whose iron stores are already high are unlikely to benefit.

## What a doctor would check

The AASM advises checking iron in everyone with clinically significant RLS, using two blood tests:

- **Ferritin,** a measure of stored iron.
- **Transferrin saturation,** the share of the blood's iron-carrying protein that is loaded with iron.

The test is best done in the morning, after at least 24 hours without iron supplements. The guideline supports iron when:

- ferritin is 75 ng/mL or lower, or transferrin saturation is below 20 percent (iron by mouth or by vein), or
- ferritin is between 75 and 100 ng/mL (iron by vein only).

These cut-offs are higher than many labs' normal ranges, so a result flagged as normal may still be low for someone with RLS. Ferritin can also rise with inflammation, which is one reason transferrin saturation is checked too. Your doctor may also look for the cause of low iron, such as heavy periods, frequent blood donation or bleeding in the gut.

## Safety

- The **Daily Value** for iron is 18 mg. The adult **Upper Limit** is 45 mg a day from all sources combined.
- The oral dose usually studied in RLS, 65 mg of elemental iron, is above that limit. It is a dose for a doctor to prescribe and follow up with repeat blood tests, not one to start on your own.
- Iron overload is a real risk. People with hereditary hemochromatosis, or whose stores are already high, can damage the liver, heart and pancreas with extra iron. This is why testing comes first.
- Common side effects include constipation, nausea and an upset stomach.
- Iron can reduce the absorption of levothyroxine, levodopa and some antibiotics, and acid-reducing medicines can reduce the absorption of iron. Ask your pharmacist how to space your doses.
- Accidental iron overdose is a leading cause of fatal poisoning in children under 6. Keep iron well out of their reach.

If you have RLS, ask your doctor to check your ferritin and transferrin saturation before taking any iron; the results decide whether iron is right for you, and how much.""",
        "references": [
            "Winkelman JW, Berkowski JA, DelRosso LM, et al. Treatment of restless legs syndrome and periodic limb movement disorder: an American Academy of Sleep Medicine clinical practice guideline. J Clin Sleep Med 2025;21(1):137-152.",
            "Allen RP, Picchietti DL, Auerbach M, et al. Evidence-based and consensus clinical practice guidelines for the iron treatment of restless legs syndrome/Willis-Ekbom disease in adults and children: an IRLSSG task force report. Sleep Med 2018;41:27-44.",
            "Connor JR, Boyer PJ, Menzies SL, et al. Neuropathological examination suggests impaired brain iron acquisition in restless legs syndrome. Neurology 2003;61(3):304-309.",
            "O'Keeffe ST, Gavin K, Lavan JN. Iron status and restless legs syndrome in the elderly. Age Ageing 1994;23(3):200-203.",
            "National Institutes of Health, Office of Dietary Supplements. Iron: Fact Sheet for Health Professionals. https://ods.od.nih.gov/factsheets/Iron-HealthProfessional/",
        ],
        "pin_description": (
            "What research says about iron, the ferritin and transferrin saturation tests a "
            "doctor uses, and the safety points to know before taking iron, with references."
        ),
        "product_link_text": "what research says about iron",
    },
    {
        "slug": "magnesium-and-rls",
        "title": "Magnesium and RLS",
        "summary": (
            "Magnesium is often suggested for restless legs. Here is what the small studies "
            "found, why the evidence is still weak, and how to stay within safe limits."
        ),
        "nutrients": ["magnesium"],
        "body": """Magnesium is a mineral your body uses in hundreds of chemical reactions, including the ones that let nerves fire and muscles contract and relax. Very low magnesium can make nerves and muscles overexcitable, leading to twitches, cramps and tremor. That is why people have wondered whether magnesium plays a part in restless legs syndrome (RLS).

## What the research found

The study quoted most often is a small German pilot study published in 1998 by Hornyak and colleagues. Ten adults took about 300 mg of magnesium each evening for four to six weeks. Six had mild-to-moderate RLS; the other four had insomnia linked to periodic leg movements during sleep. Afterwards, overnight sleep recordings showed fewer leg movements that disturbed sleep and better sleep efficiency, and seven of the ten felt they had improved.

That is encouraging, but the study was open-label: everyone knew they were taking magnesium, and there was no placebo group. With only ten people, expectation and chance can easily produce results like these. The authors themselves called for placebo-controlled trials.

A 2024 systematic review in the journal Nutrients looked at 10 small randomized trials of supplements for RLS, with 482 participants in all. Magnesium (as magnesium oxide) and vitamin B6 were among those with positive results, but the reviewers judged half of the trials to be at high risk of bias and asked for more rigorous research.

## How strong is the evidence?

Weak. The idea makes sense and the early signals are interesting, but no large, well-controlled trial has shown that magnesium improves RLS, and magnesium is not among the treatments the 2024 American Academy of Sleep Medicine guideline recommends.

You may also read that a quarter of people are magnesium deficient because of depleted soil, stress or too much calcium. National surveys do show that many Americans eat less magnesium than recommended, but true deficiency in otherwise healthy people is uncommon, because the kidneys hold on to magnesium when intake is low. Deficiency is more likely with:

- digestive conditions such as Crohn's disease or celiac disease
- type 2 diabetes
- heavy alcohol use
- older age
- long-term use of some diuretics or of proton pump inhibitors (acid reducers)

## What a doctor would check

A doctor may order a blood magnesium level, especially if you fall into one of the groups above. Most of the body's magnesium sits in bones and cells, so a normal blood result doesn't always rule out low stores. Because RLS is so closely tied to iron, your doctor is likely to check ferritin and transferrin saturation first. Kidney function matters too, since the kidneys clear extra magnesium from the body.

## Safety

- The **Daily Value** for magnesium is 420 mg, counting food and supplements together.
- The adult **Upper Limit** is 350 mg a day from supplements only; magnesium in food doesn't count toward it. That is why the limit can be lower than the Daily Value.
- Above that amount, supplements often cause diarrhea, nausea and stomach cramps. Very large doses can cause dangerous magnesium toxicity, especially when the kidneys don't work well.
- People with **kidney disease** should take magnesium only if their doctor advises it.
- Magnesium can reduce the absorption of some medicines, including bisphosphonates for osteoporosis and tetracycline and quinolone antibiotics. Your pharmacist can tell you how far apart to take them.

Foods such as leafy greens, nuts, seeds, beans and whole grains are a sensible place to start if your diet is low in magnesium.

Before adding magnesium for restless legs, talk to your doctor, particularly if you have kidney problems or take prescription medicines.""",
        "references": [
            "Hornyak M, Voderholzer U, Hohagen F, Berger M, Riemann D. Magnesium therapy for periodic leg movements-related insomnia and restless legs syndrome: an open pilot study. Sleep 1998;21(5):501-505.",
            "González-Parejo P, Martín-Núñez J, Cabrera-Martos I, Valenza MC. Effects of dietary supplementation in patients with restless legs syndrome: a systematic review. Nutrients 2024;16(14):2315.",
            "National Institutes of Health, Office of Dietary Supplements. Magnesium: Fact Sheet for Health Professionals. https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/",
            "Winkelman JW, Berkowski JA, DelRosso LM, et al. Treatment of restless legs syndrome and periodic limb movement disorder: an American Academy of Sleep Medicine clinical practice guideline. J Clin Sleep Med 2025;21(1):137-152.",
        ],
        "pin_description": (
            "What research says about magnesium: a 10-person pilot study, a 2024 review of small "
            "trials, and the safe upper limit for magnesium from supplements, with references."
        ),
        "product_link_text": "what research says about magnesium",
    },
    {
        "slug": "folate-and-rls",
        "title": "Folate (Folic Acid) and RLS",
        "summary": (
            "How low folate has been linked with restless legs, especially in pregnancy, how weak "
            "the supplement evidence is, and why high-dose folic acid needs care."
        ),
        "nutrients": ["folate"],
        "body": """Folate is a B vitamin (B9) the body needs to make DNA and healthy red blood cells. The natural form in food is called folate; the man-made form in supplements and fortified foods is folic acid. Good sources include leafy greens, beans, peas, citrus fruits and, in the United States, enriched breads, cereals and other grain products.

## What the research found

Interest in folate and restless legs syndrome (RLS) goes back to the 1970s, when a few small reports described people with RLS and low folate, some of whom seemed to improve with folic acid. The best known, a 1976 Canadian report by Botez and colleagues, described six women, three of them from one family with RLS. These were case reports without comparison groups.

Later, researchers turned to pregnancy, a time when RLS is common, especially in the last three months, and usually fades within weeks of the birth. A small US study published in 2001 followed women from before pregnancy until after the birth. The women who developed RLS had lower folate levels before and throughout pregnancy, and lower ferritin (iron stores) before it. Pregnancy raises the body's need for both nutrients, so the finding makes biological sense, but it comes from about 30 women.

## How strong is the evidence?

The link between low folate and RLS in pregnancy is an association: it shows the two tend to occur together, not that one causes the other. The evidence that taking folic acid improves RLS is old, small and uncontrolled. Folate is not among the treatments the 2024 American Academy of Sleep Medicine guideline recommends for RLS, and low iron remains the better-established factor, in pregnancy as at other times.

Folate does matter in pregnancy for a separate reason. Anyone who could become pregnant is advised to get 400 mcg of folic acid a day to lower the risk of neural tube defects in the baby, and most prenatal vitamins already provide it. That advice stands on its own, whether or not you have RLS.

## What a doctor would check

If your folate might be low, a doctor may order:

- a blood folate level
- a complete blood count, since low folate causes a type of anemia with large red blood cells
- a vitamin B12 level at the same time, because the two deficiencies look alike and are usually checked together
- ferritin and transferrin saturation, the iron tests recommended for everyone with clinically significant RLS

Low folate is more likely with heavy alcohol use, digestive conditions that limit absorption, pregnancy, and some medicines.

## Safety

- The **Daily Value** for folate is 400 mcg DFE (dietary folate equivalents).
- The adult **Upper Limit** is 1,000 mcg a day, and it applies only to synthetic folic acid from supplements and fortified foods. Folate naturally present in food doesn't count.
- **High intakes of folic acid can mask a vitamin B12 deficiency.** Folic acid can correct the anemia that low B12 causes while the nerve damage from low B12 quietly continues. This is a good reason to test B12 before taking high-dose folic acid, especially for older adults and people who eat little or no animal food.
- Folic acid can interact with some medicines, including methotrexate and certain anti-seizure drugs such as phenytoin, and some of these medicines also lower folate levels.
- If you are pregnant or nursing, ask your health professional before taking anything beyond what your prenatal care team has recommended.

If you have RLS, especially during pregnancy, talk to your doctor about checking your iron, folate and vitamin B12 levels before you take anything new.""",
        "references": [
            "National Institutes of Health, Office of Dietary Supplements. Folate: Fact Sheet for Health Professionals. https://ods.od.nih.gov/factsheets/Folate-HealthProfessional/",
            "National Institutes of Health, Office of Dietary Supplements. Vitamin B12: Fact Sheet for Health Professionals. https://ods.od.nih.gov/factsheets/VitaminB12-HealthProfessional/",
            "Botez MI, Cadotte M, Beaulieu R, Pichette LP, Pison C. Neurologic disorders responsive to folic acid therapy. Can Med Assoc J 1976;115(3):217-223.",
            "Lee KA, Zaffke ME, Baratte-Beebe K. Restless legs syndrome and sleep disturbance during pregnancy: the role of folate and iron. J Womens Health Gend Based Med 2001;10(4):335-341.",
            "Winkelman JW, Berkowski JA, DelRosso LM, et al. Treatment of restless legs syndrome and periodic limb movement disorder: an American Academy of Sleep Medicine clinical practice guideline. J Clin Sleep Med 2025;21(1):137-152.",
            "Restless Legs Syndrome Foundation. About RLS. https://www.rls.org/",
        ],
        "pin_description": (
            "What research says about folate and folic acid, including studies in pregnancy, the "
            "tests a doctor may order, and the safe upper limit for folic acid, with references."
        ),
        "product_link_text": "what research says about folate",
    },
    {
        "slug": "vitamin-b12-and-rls",
        "title": "Vitamin B12 and RLS",
        "summary": (
            "Vitamin B12 deficiency can damage nerves, but the study often quoted for B12 and "
            "restless legs actually pointed to iron. What is known, who is at risk, what to test."
        ),
        "nutrients": ["vitamin-b12"],
        "body": """Vitamin B12 helps make red blood cells, DNA and the protective coating around nerves. You get it from animal foods such as meat, fish, eggs and dairy, and from fortified foods. Absorbing it depends on stomach acid and on a protein made in the stomach called intrinsic factor.

## What the research found

You may read that a 1993 study from Ireland found people with restless legs syndrome (RLS) recovering once a vitamin B12 deficiency was corrected. That is not what the study reported. Doctors at a Dublin hospital screened 307 older patients and found RLS in 15 of them. Among those with sleep problems, low iron stores (a low ferritin level) were much more common in the people with RLS, and their symptoms improved once their iron was replaced. The same team followed up in 1994 by comparing 18 older people with RLS and 18 matched people without it: ferritin was lower in the RLS group, the lower the ferritin the worse the symptoms, and iron tablets helped most in those with the lowest ferritin. Vitamin B12 and folate levels did not differ between the two groups.

So the study most often quoted for B12 actually points to iron.

There is also a less direct link. B12 deficiency can damage the nerves in the feet and legs (peripheral neuropathy), causing tingling, numbness and burning. Neuropathy can look like RLS and can also occur alongside it, so a doctor may want to check B12 when leg symptoms are new or unusual.

## How strong is the evidence?

Limited. The Irish studies pointed to iron rather than B12. No controlled trials show that B12 supplements improve RLS in people whose levels are normal, and B12 is not among the treatments the 2024 American Academy of Sleep Medicine guideline recommends. The sensible takeaway is narrower: a true B12 deficiency is worth finding and correcting for the sake of your nerves and blood, whatever its role in RLS.

## Who is more likely to run low

- adults over 50, since absorption from food can decline with age
- people with pernicious anemia, an autoimmune condition that blocks absorption
- people who have had weight-loss surgery or part of the stomach or bowel removed, or who have Crohn's or celiac disease
- vegans, and vegetarians who don't use fortified foods or supplements
- long-term users of metformin or of acid-reducing medicines (proton pump inhibitors and H2 blockers)

## What a doctor would check

- A blood vitamin B12 level.
- If that result is borderline, tests such as methylmalonic acid and homocysteine, which rise when the body is genuinely short of B12.
- A complete blood count, since B12 deficiency can cause anemia with large red blood cells.
- Folate at the same time, plus iron studies (ferritin and transferrin saturation), which matter most in RLS.

If a deficiency is found, its cause shapes the plan. People who can't absorb B12 from food may need injections or high-dose tablets under medical guidance.

## Safety

- The **Daily Value** for vitamin B12 is 2.4 mcg.
- No adult **Upper Limit** has been set, because B12 has a low potential for harm even at high intakes. That doesn't mean more is better: extra B12 is unlikely to make a difference if your level is already normal.
- Taking **high-dose folic acid** without checking B12 can hide the anemia of B12 deficiency while nerve damage continues. Test both.
- Metformin, proton pump inhibitors and H2 blockers can lower B12 over time; ask your doctor whether you need your level monitored.

If you have RLS along with numbness, tingling, tiredness or balance problems, talk to your doctor about a B12 test before reaching for a supplement.""",
        "references": [
            "National Institutes of Health, Office of Dietary Supplements. Vitamin B12: Fact Sheet for Health Professionals. https://ods.od.nih.gov/factsheets/VitaminB12-HealthProfessional/",
            "National Institutes of Health, Office of Dietary Supplements. Folate: Fact Sheet for Health Professionals. https://ods.od.nih.gov/factsheets/Folate-HealthProfessional/",
            "O'Keeffe ST, Noel J, Lavan JN. Restless legs syndrome in the elderly. Postgrad Med J 1993;69(815):701-703.",
            "O'Keeffe ST, Gavin K, Lavan JN. Iron status and restless legs syndrome in the elderly. Age Ageing 1994;23(3):200-203.",
            "Winkelman JW, Berkowski JA, DelRosso LM, et al. Treatment of restless legs syndrome and periodic limb movement disorder: an American Academy of Sleep Medicine clinical practice guideline. J Clin Sleep Med 2025;21(1):137-152.",
            "Restless Legs Syndrome Foundation. About RLS. https://www.rls.org/",
        ],
        "pin_description": (
            "What research says about vitamin B12, who is most likely to run low on it, and the "
            "blood tests a doctor may use, with references."
        ),
        "product_link_text": "what research says about vitamin B12",
    },
    {
        "slug": "vitamin-e-and-rls",
        "title": "Vitamin E and RLS",
        "summary": (
            "Vitamin E was tried for restless legs in a small 1969 case series. Here is what that "
            "report and one modern trial found, and why high-dose vitamin E needs care."
        ),
        "nutrients": ["vitamin-e"],
        "body": """Vitamin E is a fat-soluble antioxidant that helps protect cells from damage. Most people get enough from foods such as nuts, seeds, vegetable oils and leafy greens. A true deficiency is rare and is usually seen only in people who can't absorb fat properly, for example because of certain digestive or liver diseases.

## What the research found

The idea that vitamin E might help restless legs syndrome (RLS) comes mainly from a 1969 report from California, by the physicians Ayres and Mihan, describing patients with nighttime leg cramps or restless legs who said they felt better while taking vitamin E.

That report had important weaknesses:

- There was no comparison or placebo group.
- It mixed two different problems. A leg cramp is a sudden, painful tightening of a muscle; RLS is an urge to move with uncomfortable sensations that eases with movement. Results for one tell us little about the other.
- It relied on what patients reported, long before modern diagnostic criteria for RLS existed.

The only modern signal comes from a small randomized trial from Iran, published in 2012, in 60 people on hemodialysis, a group with high rates of RLS. Participants took vitamin C, vitamin E, both, or a placebo for eight weeks, and symptom scores fell more in the vitamin groups than in the placebo group. A 2024 review of supplement trials in RLS counted this among its encouraging findings, while warning that the trials it reviewed were small and that half were at high risk of bias.

## How strong is the evidence?

Weak. One uncontrolled case series and one small trial in a special group of patients are not enough to say that vitamin E helps RLS in general. The 2024 American Academy of Sleep Medicine guideline does not recommend vitamin E. The only vitamin it addresses is vitamin C, and only for people with RLS and end-stage kidney disease.

## What a doctor would check

Testing vitamin E levels is rarely needed unless you have a condition that affects fat absorption. For RLS, a doctor is more likely to check:

- ferritin and transferrin saturation (your iron stores)
- kidney function, since kidney disease is a common cause of secondary RLS
- your current medicines, some of which can make RLS worse

## Safety

- The **Daily Value** for vitamin E is 15 mg (as alpha-tocopherol).
- The adult **Upper Limit** for vitamin E from supplements is 1,000 mg a day. Labels often list vitamin E in international units (IU); that limit equals about 1,500 IU of the natural form or 1,100 IU of the synthetic form.
- High doses can raise the risk of **bleeding**, especially with blood thinners such as warfarin or with antiplatelet medicines. If you take vitamin E, tell your surgeon or dentist before any procedure.
- Large long-term trials have not found that vitamin E supplements protect against heart disease or cancer, and one large trial found a small increase in prostate cancer risk in men who took 400 IU a day.
- Antioxidant supplements may interact with some cancer therapies, so ask your cancer care team first.

If you are curious about vitamin E for restless legs, especially if you are on dialysis or take a blood thinner, talk to your doctor before you start.""",
        "references": [
            "National Institutes of Health, Office of Dietary Supplements. Vitamin E: Fact Sheet for Health Professionals. https://ods.od.nih.gov/factsheets/VitaminE-HealthProfessional/",
            "Ayres S Jr, Mihan R. Leg cramps (systremma) and 'restless legs' syndrome: response to vitamin E (tocopherol). Calif Med 1969;111(2):87-91.",
            "Sagheb MM, Dormanesh B, Fallahzadeh MK, et al. Efficacy of vitamins C, E, and their combination for treatment of restless legs syndrome in hemodialysis patients: a randomized, double-blind, placebo-controlled trial. Sleep Med 2012;13(5):542-545.",
            "González-Parejo P, Martín-Núñez J, Cabrera-Martos I, Valenza MC. Effects of dietary supplementation in patients with restless legs syndrome: a systematic review. Nutrients 2024;16(14):2315.",
            "Klein EA, Thompson IM Jr, Tangen CM, et al. Vitamin E and the risk of prostate cancer: the Selenium and Vitamin E Cancer Prevention Trial (SELECT). JAMA 2011;306(14):1549-1556.",
            "Winkelman JW, Berkowski JA, DelRosso LM, et al. Treatment of restless legs syndrome and periodic limb movement disorder: an American Academy of Sleep Medicine clinical practice guideline. J Clin Sleep Med 2025;21(1):137-152.",
        ],
        "pin_description": (
            "What research says about vitamin E: a 1969 case series, a small 2012 trial, and the "
            "safety points to know before taking higher doses, with references."
        ),
        "product_link_text": "what research says about vitamin E",
    },
    {
        "slug": "other-vitamins-and-rls",
        "title": "Vitamins B6, B1 and A and RLS",
        "summary": (
            "Vitamins B6, B1 (thiamin) and A are sometimes linked with restless legs. The "
            "evidence is thin, and too much B6 or vitamin A can cause harm of its own."
        ),
        "nutrients": ["vitamin-b6", "thiamin", "vitamin-a"],
        "body": """Three more vitamins often turn up in lists about restless legs syndrome (RLS): vitamin B6, vitamin B1 (thiamin) and vitamin A. The evidence for each is thin, and for B6 and vitamin A, more is not safer.

## Vitamin B6

Vitamin B6 helps the body make several brain messengers, including dopamine and serotonin. That role has led to the idea that low B6 might contribute to RLS.

**What the research found.** A 2024 review of small randomized trials of supplements in RLS found that vitamin B6 was among those with positive results, alongside magnesium. But the trials were small, and the reviewers judged half of all the trials they looked at to be at high risk of bias.

**The catch.** Too much B6, taken for months, can damage nerves (sensory neuropathy). That causes tingling, burning, numbness and unsteadiness, mainly in the hands and feet, which can be mistaken for, or added to, the leg discomfort of RLS. If you take B6 and notice any of these, stop and see your doctor.

**Safety.** The Daily Value is 1.7 mg. The US adult Upper Limit is 100 mg a day, and authorities in the European Union and the United Kingdom advise much lower limits, about 10 to 12 mg a day. B6 can weaken the effect of levodopa taken without carbidopa, and it interacts with some anti-seizure medicines.

## Vitamin B1 (thiamin)

Thiamin helps turn food into energy and keeps nerves working. A serious shortage (beriberi) damages nerves and can cause burning feet, tingling and weakness in the legs.

**What the research found.** The suggestion that low thiamin causes RLS rests mostly on this nerve connection rather than on trials. No good studies show that thiamin supplements improve RLS in people with normal levels.

**Who is at risk of running low.** People who drink heavily, people who have had weight-loss surgery, older adults, and people with diabetes or long-term use of some diuretics.

**Safety.** The Daily Value is 1.2 mg. No Upper Limit has been set, because no harm has been shown from high intakes from food or supplements.

## Vitamin A

The proposed link is that some people with RLS report sensitivity to light, which has been taken as a sign of low vitamin A. This is speculation. The classic early eye sign of vitamin A deficiency is difficulty seeing in dim light (night blindness), not light sensitivity, and deficiency is rare in the United States. There are no meaningful studies of vitamin A in RLS.

**Safety.** The Daily Value is 900 mcg RAE. The adult Upper Limit is 3,000 mcg RAE a day of preformed vitamin A (retinol, found in supplements, liver and fish liver oils); beta-carotene from plants doesn't count toward it. Too much preformed vitamin A can harm the liver and bones, and during pregnancy it can cause birth defects. In large trials, high-dose beta-carotene supplements raised the risk of lung cancer in smokers. Vitamin A adds to the effects of retinoid medicines such as isotretinoin and acitretin.

## What a doctor would check

Blood tests for B6, thiamin and vitamin A are not routine in RLS. A doctor might order them if you have nerve symptoms, a condition that affects absorption, heavy alcohol use or a very restricted diet. For RLS itself, the first checks are ferritin and transferrin saturation, a review of your medicines, and kidney function.

Before taking any of these vitamins for restless legs, talk to your doctor, particularly if you are pregnant, take prescription medicines, or already use a multivitamin.""",
        "references": [
            "National Institutes of Health, Office of Dietary Supplements. Vitamin B6: Fact Sheet for Health Professionals. https://ods.od.nih.gov/factsheets/VitaminB6-HealthProfessional/",
            "National Institutes of Health, Office of Dietary Supplements. Thiamin: Fact Sheet for Health Professionals. https://ods.od.nih.gov/factsheets/Thiamin-HealthProfessional/",
            "National Institutes of Health, Office of Dietary Supplements. Vitamin A and Carotenoids: Fact Sheet for Health Professionals. https://ods.od.nih.gov/factsheets/VitaminA-HealthProfessional/",
            "González-Parejo P, Martín-Núñez J, Cabrera-Martos I, Valenza MC. Effects of dietary supplementation in patients with restless legs syndrome: a systematic review. Nutrients 2024;16(14):2315.",
            "EFSA Panel on Nutrition, Novel Foods and Food Allergens (NDA). Scientific opinion on the tolerable upper intake level for vitamin B6. EFSA Journal 2023;21(5):8006.",
            "Expert Group on Vitamins and Minerals. Safe Upper Levels for Vitamins and Minerals. London: Food Standards Agency; 2003.",
            "The Alpha-Tocopherol, Beta Carotene Cancer Prevention Study Group. The effect of vitamin E and beta carotene on the incidence of lung cancer and other cancers in male smokers. N Engl J Med 1994;330(15):1029-1035.",
            "Omenn GS, Goodman GE, Thornquist MD, et al. Effects of a combination of beta carotene and vitamin A on lung cancer and cardiovascular disease. N Engl J Med 1996;334(18):1150-1155.",
        ],
        "pin_description": (
            "What research says about vitamins B6, B1 (thiamin) and A, what a doctor may check, "
            "and the safe upper limit for each, with references."
        ),
        "product_link_text": "what research says about vitamins B6, B1 and A",
    },
]
