package org.vnpress.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Document numbers, one form per test. Sentences come from the seeds and the resolutions in {@code
 * ../shared} where they hold the form; the others are short phrases in the same style.
 */
class DocumentNumberExtractorTest {

  private static final DocumentNumberExtractor EXTRACTOR = new DocumentNumberExtractor();

  private static List<String> values(String text) {
    return EXTRACTOR.extract(text).stream().map(DocumentRef::value).toList();
  }

  private static DocumentRef only(String text) {
    List<DocumentRef> refs = EXTRACTOR.extract(text);
    assertThat(refs).hasSize(1);
    return refs.get(0);
  }

  @Test
  void centralCommitteeWithTuHornBecomesTw() {
    // seed 000
    assertThat(values("thực hiện Nghị quyết số 15-NQ/TƯ của Bộ Chính trị về “Phương hướng”"))
        .containsExactly("15-NQ/TW");
  }

  @Test
  void cityCommitteeTuNeverBecomesTw() {
    // seed 002
    assertThat(values("đặc biệt là Nghị quyết số 15-NQ/TU và Chỉ thị số 15-CT/TU, đồng thời"))
        .containsExactly("15-NQ/TU", "15-CT/TU");
  }

  @Test
  void dottedTuHornBecomesTw() {
    assertThat(values("Nghị quyết 15-NQ/T.Ư")).containsExactly("15-NQ/TW");
  }

  @Test
  void dottedTwBecomesTw() {
    assertThat(values("Chỉ thị 05-CT/T.W")).containsExactly("05-CT/TW");
  }

  @Test
  void spacedHyphenIsJoined() {
    assertThat(values("Nghị quyết số 15- NQ/TW")).containsExactly("15-NQ/TW");
  }

  @Test
  void programmeKeepsItsCase() {
    assertThat(values("Chương trình số 06-CTr/TU")).containsExactly("06-CTr/TU");
  }

  @Test
  void programmeWrittenCtrIsCanonicalised() {
    assertThat(values("Chương trình số 65-Ctr/TU")).containsExactly("65-CTr/TU");
  }

  @Test
  void inspectionCommitteeIssuer() {
    DocumentRef r = only("Báo cáo 24-BS/UBKTTU");
    assertThat(r.value()).isEqualTo("24-BS/UBKTTU");
    assertThat(r.level()).isEqualTo("province");
  }

  @Test
  void districtCommitteeQu() {
    DocumentRef r = only("Nghị quyết số 05-NQ/QU của Quận ủy");
    assertThat(r.issuer()).isEqualTo("QU");
    assertThat(r.level()).isEqualTo("district");
  }

  @Test
  void centralMilitaryCommissionQutwIsNotQu() {
    DocumentRef r = only("Nghị quyết số 847-NQ/QUTW của Quân ủy Trung ương");
    assertThat(r.value()).isEqualTo("847-NQ/QUTW");
    assertThat(r.level()).isEqualTo("military");
  }

  @Test
  void regulationQdi() {
    DocumentRef r = only("Quy định số 08-QĐi/TW");
    assertThat(r.value()).isEqualTo("08-QĐi/TW");
    assertThat(r.typeLabel()).isEqualTo("Quy định");
  }

  @Test
  void qdIsQuyDinhWhenTheTextSaysSo() {
    // resolution 60-NQ/TW
    assertThat(
            only("bổ sung Quy định số\n232-QĐ/TW, ngày 20/01/2025 của Ban Chấp hành").typeLabel())
        .isEqualTo("Quy định");
  }

  @Test
  void qdIsQuyetDinhByDefault() {
    assertThat(only("theo 160-QĐ/TW").typeLabel()).isEqualTo("Quyết định");
  }

  @Test
  void partyYearComesFromTheDateAfterTheNumber() {
    // resolution 60-NQ/TW
    assertThat(only("Quy định số\n232-QĐ/TW, ngày 20/01/2025 của Ban Chấp hành").year())
        .isEqualTo(2025);
  }

  @Test
  void centralOfficeGuideline() {
    DocumentRef r = only("Hướng dẫn 36-HD/VPTW");
    assertThat(r.value()).isEqualTo("36-HD/VPTW");
    assertThat(r.level()).isEqualTo("central");
  }

  @Test
  void partyTtIsThongTri() {
    assertThat(only("12-TT/TW").typeLabel()).isEqualTo("Thông tri");
  }

  @Test
  void stateTtIsThongTu() {
    DocumentRef r = only("Thông tư 01/2023/TT-BTC");
    assertThat(r.value()).isEqualTo("01/2023/TT-BTC");
    assertThat(r.typeLabel()).isEqualTo("Thông tư");
    assertThat(r.year()).isEqualTo(2023);
  }

  @Test
  void decreeWithYear() {
    DocumentRef r = only("Nghị định 100/2019/NĐ-CP");
    assertThat(r.value()).isEqualTo("100/2019/NĐ-CP");
    assertThat(r.issuerLabel()).isEqualTo("Chính phủ");
    assertThat(r.level()).isEqualTo("state");
  }

  @Test
  void lawNumberedByTheLegislature() {
    // resolution 1654/NQ-UBTVQH15
    DocumentRef r = only("Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;");
    assertThat(r.value()).isEqualTo("72/2025/QH15");
    assertThat(r.type()).isEqualTo("L");
  }

  @Test
  void provincialDecisionWithYear() {
    assertThat(values("Quyết định 666/2015/QĐ-UBND")).containsExactly("666/2015/QĐ-UBND");
  }

  @Test
  void primeMinisterDecisionKeepsTtg() {
    assertThat(values("Quyết định số 123/QĐ-TTg")).containsExactly("123/QĐ-TTg");
  }

  @Test
  void standingCommitteeResolution() {
    // resolution 1656/NQ-UBTVQH15, header
    assertThat(values("   Số: 1656/NQ-UBTVQH15         Hà Nội, ngày 16 tháng 6 năm 2025"))
        .containsExactly("1656/NQ-UBTVQH15");
  }

  @Test
  void officialLetter() {
    DocumentRef r = only("Công văn số 5973/UBND-KT");
    assertThat(r.value()).isEqualTo("5973/UBND-KT");
    assertThat(r.type()).isEqualTo("CV");
  }

  @Test
  void centralCommitteeAloneIsNoNumber() {
    // seed 003
    assertThat(
            values("tiếp tục quán triệt, thực hiện nghiêm các chỉ đạo của T.Ư, TP về các lĩnh vực"))
        .isEmpty();
  }

  @Test
  void datesAndScoresAreNoNumbers() {
    // seed 001 date line and seed 000
    assertThat(values("Hiền Thu| 30/12/2022 12:26. Đến nay, 2/6 công trình đã thực hiện"))
        .isEmpty();
  }

  @Test
  void partyNumberInStateLayoutIsTurnedRound() {
    assertThat(values("Quyết định số 160/QĐ-TW của Bộ Chính trị")).containsExactly("160-QĐ/TW");
  }

  @Test
  void stateNumberInPartyLayoutIsTurnedRound() {
    assertThat(values("Quyết định số 824-QĐ/TTg")).containsExactly("824/QĐ-TTg");
  }

  @Test
  void sameNumberWithLeadingZeroIsOneDocument() {
    assertThat(values("Kế hoạch số 04-KH/TW … theo Kế hoạch số 4-KH/TW"))
        .containsExactly("04-KH/TW");
  }

  @Test
  void decomposedTextMatches() {
    String nfd = Normalizer.normalize("Nghị định số 100/2019/NĐ-CP", Normalizer.Form.NFD);
    assertThat(values(nfd)).containsExactly("100/2019/NĐ-CP");
  }

  @Test
  void bareCodeCountsAfterDocumentWordAndSo() {
    assertThat(values("Điện số 499/ĐK về thực hiện cao điểm")).containsExactly("499/ĐK");
  }

  @Test
  void bareCodeWithoutDocumentWordIsNoNumber() {
    assertThat(values("bằng số 2473746/BTPT")).isEmpty();
  }

  @Test
  void ministryLetterKeepsItsDraftingUnit() {
    // a ministry's letter names the department that drafted it: BGDĐT-GDTrH
    DocumentRef r = only("Bộ đã ban hành công văn số 4612/BGDĐT-GDTrH hướng dẫn");
    assertThat(r.value()).isEqualTo("4612/BGDĐT-GDTRH");
    assertThat(r.typeLabel()).isEqualTo("Công văn");
  }

  @Test
  void jointCircularKeepsEveryIssuer() {
    assertThat(values("theo Thông tư liên tịch số 17/2007/TTLT-BCA-VKSNDTC-TANDTC-BTP"))
        .containsExactly("17/2007/TTLT-BCA-VKSNDTC-TANDTC-BTP");
  }

  @Test
  void associationLetterAfterItsTypeCode() {
    assertThat(values("Hiệp hội đã có văn bản số 129/CV-HOREA gửi"))
        .containsExactly("129/CV-HOREA");
  }

  @Test
  void lawWithItsSession() {
    DocumentRef r = only("Luật Quản lý, sử dụng vũ khí số 14/2017/QH14 quy định");
    assertThat(r.value()).isEqualTo("14/2017/QH14");
    assertThat(r.type()).isEqualTo("L");
    assertThat(r.typeLabel()).isEqualTo("Luật");
  }

  @Test
  void resolutionOfTheAssemblyIsNoLaw() {
    // resolution 1654/NQ-UBTVQH15
    DocumentRef r = only("đã được sửa đổi, bổ sung một số điều theo Nghị quyết số 203/2025/QH15;");
    assertThat(r.type()).isEqualTo("NQ");
    assertThat(r.typeLabel()).isEqualTo("Nghị quyết");
  }

  @Test
  void standingCommitteeResolutionIsNoOrdinance() {
    // resolution 1654/NQ-UBTVQH15
    DocumentRef r = only("Căn cứ Nghị quyết số 76/2025/UBTVQH15 ngày 14 tháng 4 năm 2025");
    assertThat(r.type()).isEqualTo("NQ");
  }

  @Test
  void courtJudgment() {
    DocumentRef r = only("theo Bản án số 19/2016/HC-PT của tòa");
    assertThat(r.value()).isEqualTo("19/2016/HC-PT");
    assertThat(r.typeLabel()).isEqualTo("Bản án");
  }

  @Test
  void inspectionConclusionNotice() {
    DocumentRef r = only("Thông báo kết luận số 575/TBKL-TTR của Thanh tra");
    assertThat(r.value()).isEqualTo("575/TBKL-TTR");
    assertThat(r.typeLabel()).isEqualTo("Thông báo kết luận");
  }

  @Test
  void agencyLetterWithUnknownIssuer() {
    assertThat(values("Cục đã có Công văn số 46/VIPA-VP về việc")).containsExactly("46/VIPA-VP");
  }

  @Test
  void taxDepartmentLetter() {
    assertThat(values("Tổng cục Thuế có văn bản số 62/TCT-TCNN")).containsExactly("62/TCT-TCNN");
  }

  @Test
  void ministryOfIndustryDecisionStaysInStateForm() {
    // BCT is the Politburo in the Party layout but the Ministry of Industry and Trade here
    DocumentRef r = only("Quyết định số 648/QĐ-BCT của Bộ Công Thương");
    assertThat(r.value()).isEqualTo("648/QĐ-BCT");
    assertThat(r.level()).isEqualTo("state");
  }

  @Test
  void unknownCodeWithoutNumberWordIsNoNumber() {
    // an aircraft registration, not a document
    assertThat(values("Máy bay mang số hiệu A 350/VN-A 896 của hãng")).isEmpty();
  }

  @Test
  void mixedCaseWordAfterNumberIsNoCode() {
    assertThat(values("quy định tuyển sinh năm 2018/Video: LÊ DÂN")).isEmpty();
  }

  @Test
  void partyCommitteeLetterInStateLayoutIsTurnedRound() {
    assertThat(values("Thường vụ Thành ủy ký văn bản số 3005/CV-TU nhằm"))
        .containsExactly("3005-CV/TU");
  }

  @Test
  void primeMinisterCodeInAnyCaseIsTtg() {
    assertThat(values("quyết định số 601/QĐ-Ttg và Quyết định số 70/2014/QĐ-TTG"))
        .containsExactly("601/QĐ-TTg", "70/2014/QĐ-TTg");
  }

  @Test
  void spaceAfterTheHyphenForASlash() {
    assertThat(values("Chính phủ ban hành Nghị quyết 19- 2017/NQ-CP về"))
        .containsExactly("19/2017/NQ-CP");
  }

  @Test
  void yearSplitByAStraySpace() {
    // word-segmented copies (VNDS) sometimes split a year: "30/2 012"
    assertThat(values("Thông tư 30/2 012/TT-BCA quy định")).containsExactly("30/2012/TT-BCA");
    assertThat(values("Quyết định số 1 30/2 003/QĐ-TTG ngày")).containsExactly("130/2003/QĐ-TTg");
  }

  @Test
  void unitCodeWithAmpersand() {
    // Giáo dục & Đào tạo
    assertThat(values("có văn bản số 422/UBND-GD&ĐT về việc")).containsExactly("422/UBND-GD&ĐT");
  }

  @Test
  void theTermOfAPartyNumberIsKept() {
    // resolution 60-NQ/TW: Party numbers restart every term, so the term tells documents apart
    DocumentRef r =
        only(
            "theo tinh thần Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XII và"
                + " mục tiêu");
    assertThat(r.term()).isEqualTo("XII");
    assertThat(r.edition()).isEqualTo("18-NQ/TW@XII");
  }

  @Test
  void noTermPastTheClause() {
    // seed 002: the term belongs to the programmes of the next clause, not to the number
    DocumentRef r =
        EXTRACTOR
            .extract(
                "thực hiện Nghị quyết số 15-NQ/TU và Chỉ thị số 15-CT/TU; 10 chương trình công tác"
                    + " của Thành ủy (khóa XVII)")
            .get(1);
    assertThat(r.term()).isNull();
    assertThat(r.edition()).isNull();
  }

  @Test
  void aStateNumberCarriesItsYearAndNeedsNoEdition() {
    // resolution 1654/NQ-UBTVQH15
    DocumentRef r = only("theo Nghị quyết số 203/2025/QH15;");
    assertThat(r.term()).isNull();
    assertThat(r.edition()).isNull();
  }
}
