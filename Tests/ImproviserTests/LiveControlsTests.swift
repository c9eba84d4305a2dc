import Improviser
import Testing

@Suite struct LiveControlsTests {
    let controls = LiveControls()

    @Test func temperature_spansTheDocumentedRange() {
        #expect(controls.request(controller: 20, value: 0) == .temperature(0.05))
        #expect(controls.request(controller: 20, value: 127) == .temperature(2.0))
    }

    @Test func answerLength_spansOneToSixtyFourEvents() {
        #expect(controls.request(controller: 21, value: 0) == .answerEvents(1))
        #expect(controls.request(controller: 21, value: 64) == .answerEvents(33))   // 1 + round(64/127·63) = 1 + 32
        #expect(controls.request(controller: 21, value: 127) == .answerEvents(64))
    }

    @Test func mode_switchesAtTheMidpoint() {
        #expect(controls.request(controller: 22, value: 63) == .mode(.callAndResponse))
        #expect(controls.request(controller: 22, value: 64) == .mode(.playAlong))
    }

    @Test func panic_onPress_notOnRelease() {
        #expect(controls.request(controller: 23, value: 127) == .panic)
        #expect(controls.request(controller: 23, value: 0) == nil)
    }

    @Test func otherControllers_andDisabledControls_requestNothing() {
        #expect(controls.request(controller: 7, value: 100) == nil)
        var none = LiveControls()
        none.temperature = nil
        #expect(none.request(controller: 20, value: 100) == nil)
    }
}
